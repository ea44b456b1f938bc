import type { ArgDeclaration, EscapeToken } from '../ast.ts';
import { expandWord } from './expand.ts';
import type { ExpandOptions } from './expand.ts';

/**
 * Build arguments BuildKit defines without an ARG. They are visible in FROM
 * lines, and inside a stage only after `ARG NAME` re-declares them.
 */
export const PREDEFINED_PLATFORM_ARGS = [
  'BUILDPLATFORM',
  'BUILDOS',
  'BUILDARCH',
  'BUILDVARIANT',
  'TARGETPLATFORM',
  'TARGETOS',
  'TARGETARCH',
  'TARGETVARIANT',
] as const;

/** Proxy arguments every build accepts without a declaration. */
export const PREDEFINED_PROXY_ARGS = [
  'HTTP_PROXY',
  'http_proxy',
  'HTTPS_PROXY',
  'https_proxy',
  'FTP_PROXY',
  'ftp_proxy',
  'NO_PROXY',
  'no_proxy',
  'ALL_PROXY',
  'all_proxy',
] as const;

/**
 * Values of ARGs in one scope. The global scope contains ARGs declared before
 * the first FROM and is used to expand FROM lines. A stage scope starts empty:
 * a global ARG becomes visible there only when the stage re-declares it.
 */
export class ArgScope {
  private readonly values = new Map<string, string | undefined>();
  private readonly buildArgs: Readonly<Record<string, string>>;
  private readonly parent: ArgScope | undefined;
  private readonly escapeToken: EscapeToken;

  private constructor(buildArgs: Readonly<Record<string, string>>, parent: ArgScope | undefined, escapeToken: EscapeToken) {
    this.buildArgs = buildArgs;
    this.parent = parent;
    this.escapeToken = escapeToken;
  }

  /** Creates the global scope. Its `platformArgs` (such as TARGETARCH) are visible in FROM lines. */
  static global(
    buildArgs: Readonly<Record<string, string>> = {},
    platformArgs: Readonly<Record<string, string>> = {},
    escapeToken: EscapeToken = '\\',
  ): ArgScope {
    const scope = new ArgScope(buildArgs, undefined, escapeToken);
    for (const [name, value] of Object.entries(platformArgs)) scope.values.set(name, value);
    return scope;
  }

  /** Creates an empty scope for a stage that can re-declare this scope's ARGs. */
  forStage(): ArgScope {
    return new ArgScope(this.buildArgs, this, this.escapeToken);
  }

  /**
   * Declares an ARG. Its value is the `--build-arg` value if given, else the
   * default expanded with the variables in `env` and this scope, else the
   * global value of the same name. Returns the value, undefined when unset.
   */
  declare(arg: ArgDeclaration, env: ReadonlyMap<string, string> = new Map(), options: ExpandOptions = {}): string | undefined {
    let value: string | undefined;

    if (Object.prototype.hasOwnProperty.call(this.buildArgs, arg.name)) {
      value = this.buildArgs[arg.name];
    } else if (arg.default !== undefined) {
      value = expandWord(arg.default, this.variables(env), this.escapeToken, options);
    } else if (this.parent) {
      value = this.parent.values.get(arg.name);
    }

    this.values.set(arg.name, value);
    return value;
  }

  /** Returns true when the name was declared in this scope (set or not). */
  has(name: string): boolean {
    return this.values.has(name);
  }

  /** Returns the value of a declared ARG, undefined when unset or undeclared. */
  get(name: string): string | undefined {
    return this.values.get(name);
  }

  /** Returns the declared names, set or not. */
  names(): string[] {
    return [...this.values.keys()];
  }

  /**
   * Returns the variables for expansion: this scope's set ARGs, overridden by
   * `env` because an ENV of the same name wins over an ARG.
   */
  variables(env: ReadonlyMap<string, string> = new Map()): Map<string, string> {
    const out = new Map<string, string>();
    for (const [name, value] of this.values) if (value !== undefined) out.set(name, value);
    for (const [name, value] of env) out.set(name, value);
    return out;
  }

  /** Returns the ARGs with a value, which a RUN gets as environment and `docker history` prints. */
  usedInRun(): Map<string, string> {
    const out = new Map<string, string>();
    for (const [name, value] of this.values) if (value !== undefined) out.set(name, value);
    return out;
  }
}
