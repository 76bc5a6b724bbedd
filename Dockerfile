# syntax=docker/dockerfile:1
# manifest-parser image. The build stage installs torch and the package into a virtual
# environment; the runtime stage copies only that environment and the model store, so no
# compiler, pip cache or source tree ends up in the image.
#
# One Dockerfile, two torch builds (TORCH_INDEX_URL):
#   CPU image:  --build-arg TORCH_INDEX_URL=<PyTorch's CPU-only wheel index>   (smallest image)
#   CUDA image: TORCH_INDEX_URL left empty: the default index's Linux wheel is the CUDA build and
#               brings its CUDA runtime libraries; the host's NVIDIA driver comes in at run time.
ARG PYTHON_IMAGE=python:3.11-slim-bookworm

FROM ${PYTHON_IMAGE} AS build
ARG TORCH_VERSION=2.13.0
ARG TORCH_INDEX_URL=""
ENV PIP_NO_CACHE_DIR=1 \
    PIP_DISABLE_PIP_VERSION_CHECK=1 \
    PATH=/opt/venv/bin:$PATH
# torch gets a layer of its own: it is most of the image and changes least often.
RUN python -m venv /opt/venv \
    && if [ -n "$TORCH_INDEX_URL" ]; then export PIP_INDEX_URL="$TORCH_INDEX_URL"; fi \
    && pip install "torch==${TORCH_VERSION}"
WORKDIR /src
COPY pyproject.toml README.md ./
COPY service ./service
RUN pip install .

FROM ${PYTHON_IMAGE} AS runtime
# The settings module reads MANIFEST_PARSER_*; the server must listen on all interfaces
# inside the container, and the model store (CURRENT names the version) is baked in at /app.
ENV PATH=/opt/venv/bin:$PATH \
    PYTHONDONTWRITEBYTECODE=1 \
    PYTHONUNBUFFERED=1 \
    MANIFEST_PARSER_HOST=0.0.0.0 \
    MANIFEST_PARSER_PORT=8000 \
    MANIFEST_PARSER_MODEL_DIR=/app/model_store
RUN useradd --no-log-init --create-home --uid 10001 parser
COPY --from=build /opt/venv /opt/venv
WORKDIR /app
COPY model_store ./model_store
USER 10001
EXPOSE 8000
# /readyz is 503 until the model is loaded and warmed and again while draining; urllib raises on
# any non-2xx answer, so the exit status is the readiness. No curl needed in the image.
HEALTHCHECK --interval=10s --timeout=3s --start-period=120s --retries=3 \
    CMD ["python", "-c", "import os, urllib.request; urllib.request.urlopen('http://127.0.0.1:' + os.environ.get('MANIFEST_PARSER_PORT', '8000') + '/readyz', timeout=2)"]
# Exec form: the server is PID 1 and receives SIGTERM itself, then drains for up to
# MANIFEST_PARSER_DRAIN_TIMEOUT_S (+5 s shutdown margin); compose and k8s grace periods sit above.
STOPSIGNAL SIGTERM
ENTRYPOINT ["manifest-parser"]
CMD ["serve"]
