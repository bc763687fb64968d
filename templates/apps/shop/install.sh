#!/bin/sh
# Installs (or upgrades in place) the shop app and its systemd unit. Runs as root in the guest.
# Inputs: APP_VERSION, and the tier settings as environment variables (from /etc/svcplan/settings.env).
set -eu
version="${APP_VERSION:?APP_VERSION is not set}"
state_dir="${SVCPLAN_STATE_MOUNT:-/var/lib/svcplan/state}"
port="${SHOP_LISTEN_PORT:-8080}"

command -v python3 >/dev/null 2>&1 || { apt-get update -q && apt-get install -y -q python3; }

# Each version in its own folder so an upgrade never leaves a half-written release behind.
release="/opt/shop/releases/$version"
mkdir -p "$release/public" "$state_dir/shop/uploads" "$state_dir/shop/sessions"
printf 'ok %s\n' "$version" > "$release/public/healthz"
printf '<h1>shop %s (%s)</h1>\n' "$version" "${SHOP_MODE:-production}" > "$release/public/index.html"
ln -sfn "$state_dir/shop/uploads" "$release/public/uploads"
ln -sfn "$release" /opt/shop/current

cat > /etc/default/shop <<ENV
SHOP_MODE=${SHOP_MODE:-production}
SHOP_LISTEN_PORT=$port
SHOP_VERSION=$version
ENV

cat > /etc/systemd/system/shop.service <<UNIT
[Unit]
Description=shop $version
After=network-online.target

[Service]
EnvironmentFile=/etc/default/shop
WorkingDirectory=/opt/shop/current/public
ExecStart=/usr/bin/python3 -m http.server $port --bind 127.0.0.1
Restart=on-failure

[Install]
WantedBy=multi-user.target
UNIT

systemctl daemon-reload
systemctl enable shop >/dev/null 2>&1
systemctl restart shop
