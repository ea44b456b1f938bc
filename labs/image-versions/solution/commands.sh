# Two releases from one Dockerfile: the build argument changes ENV and LABEL.
docker build -t heart-model:1.0 .
docker build --build-arg APP_VERSION=1.1 -t heart-model:1.1 .
docker images heart-model

# What the image records about itself.
docker history heart-model:1.1
docker image inspect heart-model:1.1

# Push 1.1 to the lab registry and record its digest.
docker tag heart-model:1.1 localhost:5000/heart-model:1.1
docker push localhost:5000/heart-model:1.1
docker image inspect --format '{{index .RepoDigests 0}}' localhost:5000/heart-model:1.1 > release.txt

# Deploy 1.1, then roll back to 1.0 with one command.
docker tag heart-model:1.1 heart-model:prod
docker tag heart-model:1.0 heart-model:prod
docker images heart-model

# Upstream publishes a newer python:3.12-slim; the digest pin keeps the old base.
docker pull python:3.12-slim
docker images --digests python
lab upstream advance
docker pull python:3.12-slim
docker images --digests python
docker build --build-arg APP_VERSION=1.1 -t heart-model:1.1 .
