#!/bin/sh
# Installs the job worker as a systemd service. Stateless: nothing to save or restore.
set -eu
version="${APP_VERSION:?APP_VERSION is not set}"
release="/opt/worker/releases/$version"
mkdir -p "$release"
cat > "$release/worker.sh" <<'SH'
#!/bin/sh
# Drains the configured queues; a placeholder loop that logs what it would consume.
while :; do
  echo "worker $WORKER_VERSION polling queues $WORKER_QUEUES with concurrency $WORKER_CONCURRENCY"
  sleep 30
done
SH
chmod 755 "$release/worker.sh"
ln -sfn "$release" /opt/worker/current

cat > /etc/default/worker <<ENV
WORKER_VERSION=$version
WORKER_QUEUES=${WORKER_QUEUES:-default}
WORKER_CONCURRENCY=${WORKER_CONCURRENCY:-1}
ENV
cat > /etc/systemd/system/worker.service <<'UNIT'
[Unit]
Description=job worker
After=network-online.target

[Service]
EnvironmentFile=/etc/default/worker
ExecStart=/opt/worker/current/worker.sh
Restart=always

[Install]
WantedBy=multi-user.target
UNIT
systemctl daemon-reload
systemctl enable worker >/dev/null 2>&1
systemctl restart worker
