# Build the first version.
docker build -t heart-model:1.0 .

# A one-line change to the source, then a rebuild: the install step is CACHED.
echo 'SERVICE_VERSION = "1.0.1"' >> app.py
docker build -t heart-model:1.0 .
