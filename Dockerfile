# The app, for deployments with a server database (see README, "Deploying").
FROM python:3.11-slim

ENV PYTHONDONTWRITEBYTECODE=1 PYTHONUNBUFFERED=1 PIP_NO_CACHE_DIR=1
WORKDIR /app
COPY requirements.txt .
RUN pip install -r requirements.txt
COPY . .
RUN useradd --create-home app && mkdir -p /app/data && chown app /app/data
USER app

EXPOSE 8501
# Streamlit's own health endpoint answers once the server accepts sessions.
HEALTHCHECK --interval=15s --timeout=3s --start-period=20s \
    CMD python -c "import urllib.request; urllib.request.urlopen('http://127.0.0.1:8501/_stcore/health', timeout=2)"
CMD ["python", "-m", "streamlit", "run", "serve.py", "--server.address=0.0.0.0", \
     "--server.port=8501", "--server.headless=true", "--client.showErrorDetails=none"]
