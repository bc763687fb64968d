// A small, valid templates repository that tests change one line at a time.
export const WEB_SHOP = `apiVersion: svcplan/v1
kind: ServiceTemplate
name: web-shop
release: "2.1"
images:
  debian12: { box: svcplan/debian-12, version: "12.7.1" }
tiers:
  web:
    image: debian12
    cpus: 2
    memory: 2048
    count: 3
    scale: { min: 1, max: 10 }
    features: [nginx]
    apps:
      shop: { version: "4.2.0", install: apps/shop/install.sh }
    settings: { SHOP_MODE: production, PORT: 8080, RATIO: 1.50, DEBUG: false }
    state:
      disk: 10
      save: apps/shop/save-state.sh
      restore: apps/shop/restore-state.sh
      onScaleIn: retain
    health: { command: "systemctl is-active shop", timeout: 120, minReady: 5 }
    rollout: { upgradeDomains: 3, maxParallel: 2, pauseBetweenDomains: 0, order: 2, maxDisruption: replace }
  db:
    image: debian12
    rollout: { order: 1 }
`;

export const SHOP_PROD = `apiVersion: svcplan/v1
kind: Service
name: shop-prod
template: web-shop
target: { driver: vagrant, provider: virtualbox, runner: hv-01 }
tiers: { web: { count: 4, settings: { SHOP_MODE: production-eu } } }
`;

export const SCRIPTS = {
  'apps/shop/install.sh': '#!/bin/sh\necho install\n',
  'apps/shop/save-state.sh': '#!/bin/sh\necho save\n',
  'apps/shop/restore-state.sh': '#!/bin/sh\necho restore\n',
};

export function validRepoFiles(): Record<string, string> {
  return { 'templates/web-shop.yaml': WEB_SHOP, 'services/shop-prod.yaml': SHOP_PROD, ...SCRIPTS };
}
