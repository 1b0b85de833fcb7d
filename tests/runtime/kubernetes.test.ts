/** deploy/k8s cannot be applied here (no cluster): check that it matches the product's roles and config. */
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseAllDocuments } from 'yaml';
import { CONFIG_VARIABLES } from '../../src/config.js';

const DIR = 'deploy/k8s';
const docs = readdirSync(DIR)
  .filter((f) => f.endsWith('.yaml'))
  .flatMap((f) => parseAllDocuments(readFileSync(join(DIR, f), 'utf8')).map((d) => ({ file: f, ...d.toJS() })));
const deployments = Object.fromEntries(docs.filter((d) => d.kind === 'Deployment').map((d) => [d.metadata.name, d]));
const container = (name: string) => deployments[name].spec.template.spec.containers[0];

describe('Kubernetes manifests', () => {
  it('run the one image as web, worker and scheduler', () => {
    expect(Object.keys(deployments).sort()).toEqual(['scheduler', 'web', 'worker']);
    for (const role of ['web', 'worker', 'scheduler']) expect(container(role).command).toEqual(['npm', 'start', '--', '--role', role]);
  });

  it('give every role every variable of the config schema, secrets apart', () => {
    const config = docs.find((d) => d.kind === 'ConfigMap').data;
    const secret = docs.find((d) => d.kind === 'Secret').stringData;
    expect([...Object.keys(config), ...Object.keys(secret)].sort()).toEqual([...CONFIG_VARIABLES].sort());
    for (const key of ['DATABASE_URL', 'REDIS_URL', 'MEDIA_LINK_SECRET', 'TELEGRAM_BOT_TOKEN', 'ZALO_APP_SECRET', 'ZALO_REFRESH_TOKEN']) {
      expect(Object.keys(secret)).toContain(key);
    }
    for (const role of Object.keys(deployments)) {
      expect(container(role).envFrom).toEqual([{ configMapRef: { name: 'phuong-config' } }, { secretRef: { name: 'phuong-secrets' } }]);
    }
  });

  it('judge a worker alive by its heartbeat file, and let its jobs finish on shutdown', () => {
    const probe = container('worker').livenessProbe.exec.command.join(' ');
    expect(probe).toContain('HEARTBEAT_FILE');
    expect(docs.find((d) => d.kind === 'ConfigMap').data.HEARTBEAT_FILE).toMatch(/^\//);
    expect(deployments.worker.spec.template.spec.terminationGracePeriodSeconds).toBeGreaterThanOrEqual(60);
    expect(container('web').readinessProbe.httpGet.path).toBe('/healthz');
  });

  it('list every manifest in the kustomization', () => {
    const kustomization = docs.find((d) => d.kind === 'Kustomization');
    const files = readdirSync(DIR).filter((f) => f.endsWith('.yaml') && f !== 'kustomization.yaml' && !f.includes('example'));
    expect([...kustomization.resources].sort()).toEqual(files.sort());
  });
});
