"""Heart-rate anomaly scoring service.

A wearable sends a window of heart-rate samples (beats per minute, one per
second). The service returns how likely the window is to be an anomaly. The
model is a small logistic scorer whose weights live in model/anomaly.json.

Run it locally with:  uvicorn app:app --host 0.0.0.0 --port 8000
"""

import json
import math
from pathlib import Path

import numpy as np
from fastapi import FastAPI, HTTPException
from pydantic import BaseModel, Field

SERVICE_VERSION = "1.0.0"
MODEL_PATH = Path(__file__).parent / "model" / "anomaly.json"

# Load the model once, at import time, so every request reuses it.
MODEL = json.loads(MODEL_PATH.read_text())

app = FastAPI(title="heart-model")


class Window(BaseModel):
    samples: list[float] = Field(..., description="Heart rate in beats per minute, one sample per second")


def window_features(samples: np.ndarray) -> dict[str, float]:
    """Compute the features the model was trained on."""
    steps = np.diff(samples)
    return {
        "mean_bpm": float(samples.mean()),
        "std_bpm": float(samples.std()),
        "max_step_bpm": float(np.abs(steps).max()),
        "rmssd_bpm": float(np.sqrt(np.mean(steps**2))),
    }


def anomaly_probability(features: dict[str, float]) -> float:
    """Standardise each feature, weight it and squash the sum to 0..1."""
    total = MODEL["bias"]
    for name, weight in MODEL["weights"].items():
        scaled = (features[name] - MODEL["means"][name]) / MODEL["scales"][name]
        total += weight * scaled
    return 1.0 / (1.0 + math.exp(-total))


@app.get("/health")
def health() -> dict[str, str]:
    return {"status": "ok", "model": MODEL["name"], "model_version": MODEL["version"], "service_version": SERVICE_VERSION}


@app.post("/score")
def score(window: Window) -> dict[str, object]:
    low, high = MODEL["valid_bpm"]
    if len(window.samples) < MODEL["min_samples"]:
        raise HTTPException(status_code=422, detail=f"need at least {MODEL['min_samples']} samples")
    samples = np.asarray(window.samples, dtype=float)
    if ((samples < low) | (samples > high)).any():
        raise HTTPException(status_code=422, detail=f"samples must be between {low} and {high} bpm")

    features = window_features(samples)
    probability = anomaly_probability(features)
    return {
        "anomaly_probability": round(probability, 4),
        "anomaly": probability >= MODEL["threshold"],
        "features": {name: round(value, 2) for name, value in features.items()},
    }
