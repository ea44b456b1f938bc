#!/bin/sh
# Start or stop a throwaway PostgreSQL cluster for tests, on 127.0.0.1 only.
#
#   scripts/pg-test-server.sh start [PORT]   initdb into a new temporary folder,
#                                            start the server, create database
#                                            slipway_test and print its URL
#   scripts/pg-test-server.sh stop [PORT]    stop that server and delete the folder
#
# PORT defaults to 54329. PG_BIN overrides the server binaries folder (default:
# Debian's PostgreSQL 15, /usr/lib/postgresql/15/bin). initdb refuses to run as
# root, so under root the cluster runs as the `postgres` system user.
# Authentication is `trust`: the server accepts local connections only.
set -eu

command=${1:-}
port=${2:-54329}
bin=${PG_BIN:-/usr/lib/postgresql/15/bin}
state_file=/tmp/slipway-pg-$port.dir

if [ "$(id -u)" = 0 ]; then
  as_owner() { runuser -u postgres -- "$@"; }
else
  as_owner() { "$@"; }
fi

case $command in
  start)
    if [ -e "$state_file" ]; then
      echo "pg-test-server: a cluster on port $port is already recorded in $state_file; run '$0 stop $port' first" >&2
      exit 1
    fi
    dir=$(mktemp -d /tmp/slipway-pg-XXXXXX)
    [ "$(id -u)" = 0 ] && chown postgres "$dir"
    echo "$dir" > "$state_file"
    as_owner "$bin/initdb" --pgdata="$dir/data" --username=slipway --auth=trust --encoding=UTF8 --no-instructions >"$dir/initdb.log" 2>&1 \
      || { cat "$dir/initdb.log" >&2; exit 1; }
    as_owner "$bin/pg_ctl" --pgdata="$dir/data" --log="$dir/server.log" --wait \
      -o "-p $port -c listen_addresses=127.0.0.1 -k $dir -c fsync=on" start >/dev/null \
      || { cat "$dir/server.log" >&2; exit 1; }
    as_owner "$bin/createdb" --host=127.0.0.1 --port="$port" --username=slipway slipway_test
    echo "postgres://slipway@127.0.0.1:$port/slipway_test"
    ;;
  stop)
    if [ ! -e "$state_file" ]; then
      echo "pg-test-server: no cluster recorded for port $port" >&2
      exit 1
    fi
    dir=$(cat "$state_file")
    as_owner "$bin/pg_ctl" --pgdata="$dir/data" --mode=fast --wait stop >/dev/null || true
    rm -rf "$dir" "$state_file"
    ;;
  *)
    echo "usage: $0 start|stop [PORT]" >&2
    exit 2
    ;;
esac
