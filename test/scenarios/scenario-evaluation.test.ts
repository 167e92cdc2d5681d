// Detection quality on the labelled week, asserted: the numbers `npm run evaluate` prints. A
// change that makes Vigil noisier on the normal part, or blind to an attack, fails here.
import t from 'tap';
import { evaluate, formatTable, profiles, type Evaluation } from './evaluate.js';
import { loadScenario } from './load.js';

const scenario = loadScenario();
const [before, peerNames, after, imageReview, lineage, lineageGrace, argsGrace] = profiles().map((p) => evaluate(p, scenario)) as [Evaluation, Evaluation, Evaluation, Evaluation, Evaluation, Evaluation, Evaluation];
const caught = (e: Evaluation): string[] => e.attacks.filter((a) => a.caught).map((a) => a.attack);

t.test('with the never-learn rules every attack is caught, including the one hidden in the learning window', async (t) => {
  t.same(caught(after).sort(), ['apt-nmap-postgres', 'lateral-ncat-fluent-bit', 'learning-window-implant', 'miner-worker', 'reverse-shell-api', 'sa-token-redis', 'webshell-storefront']);
  t.match(after.attacks.find((a) => a.attack === 'learning-window-implant'), { caught: true, worst: 'critical exe:/tmp/.kworker' });
  for (const e of [before, peerNames]) {
    t.notOk(caught(e).includes('learning-window-implant'), `${e.profile}: learning everything seen in the window learns the implant too`);
    t.equal(caught(e).length, 6);
  }
  t.ok(after.learnedItems < peerNames.learnedItems, 'the implant’s items were held back for review, not learned');
});

t.test('noise on the normal part stays where it was measured', async (t) => {
  t.equal(before.normal.deviation, 9);
  t.same(
    before.normal.alerts.filter((a) => a.workload === 'prod/shop/CronJob/backup').map((a) => a.item.split(':')[2]),
    ['67.220.245.3', '52.218.48.10', '52.218.105.91', '3.5.66.190'],
    'exact addresses: each new S3 and STS address of the nightly backup is a deviation',
  );
  t.equal(peerNames.normal.deviation, 5, 'named peers and public networks remove them');
  // One legitimate never-learn tool, a synthetic probe's curl, is held for review while learning
  // instead of learned; seen again after the lock, its alert becomes a deviation.
  t.equal(after.normal.review, 0);
  t.equal(after.normal.deviation, 6, 'the never-learn rules add one alert: the probe’s curl');
  t.match(after.normal.alerts.find((a) => a.item === 'exe:/usr/bin/curl'), { workload: 'prod/monitoring/Pod/synthetic-probe', category: 'deviation', rule: 'download-or-network-tool' });
  t.match(formatTable([before, peerNames, after, imageReview, lineage, lineageGrace, argsGrace]), /\| attacks caught \| 6 \/ 7 \| 6 \/ 7 \| 7 \/ 7 \| 7 \/ 7 \| 7 \/ 7 \| 7 \/ 7 \| 7 \/ 7 \|/);
});

t.test('a review window for a rollout’s new image learns what the new version brings, and misses no attack', async (t) => {
  t.equal(after.normal.alerts.filter((a) => a.item === 'exe:/app/bin/migrate').length, 1, 'without it, the rollout’s new binary is a deviation');
  t.equal(imageReview.normal.alerts.filter((a) => a.item === 'exe:/app/bin/migrate').length, 0, 'with it, the binary is learned with the new digest');
  t.equal(imageReview.normal.deviation, 5);
  t.equal(caught(imageReview).length, 7);
});

t.test('lineage identity: no more noise, and a shell started by redis-server is critical', async (t) => {
  t.equal(lineage.normal.deviation + lineage.normal.review, after.normal.deviation + after.normal.review, 'the same alerts on the normal part');
  t.equal(caught(lineage).length, 7);
  t.match(after.attacks.find((a) => a.attack === 'sa-token-redis'), { alerts: 1, worst: 'medium exe:/usr/bin/cat' }, 'by executable, the shell was learned from the entrypoint');
  t.match(lineage.attacks.find((a) => a.attack === 'sa-token-redis'), { alerts: 2, worst: 'critical exe:/usr/bin/dash<-/usr/local/bin/redis-server' });
});

t.test('start-up grace: the week’s restarts repeat their learned start-up exactly, so it changes nothing, and hides no attack step', async (t) => {
  t.same(lineageGrace.normal.alerts, lineage.normal.alerts);
  t.same(lineageGrace.attacks, lineage.attacks, 'every attack raises the same alerts');
  t.equal(lineageGrace.learnedItems, lineage.learnedItems);
});

t.test('args identity: one alert more, the rollout’s new entrypoint command; attacks through an interpreter are named by what they ran', async (t) => {
  t.equal(argsGrace.normal.deviation + argsGrace.normal.review, after.normal.deviation + after.normal.review + 1);
  const extra = argsGrace.normal.alerts.filter((a) => !after.normal.alerts.some((b) => b.workload === a.workload && b.item.split(' [')[0] === a.item.split(' [')[0]));
  t.same(extra.map((a) => a.item), ['exe:/usr/bin/dash [-c /app/bin/migrate up --dir /app/migrations && exec java $JAVA_OPTS -jar /app/api.jar]'], 'the rollout changed how the api starts');
  t.notOk(argsGrace.normal.alerts.some((a) => a.item.includes('convert')), 'the worker’s thumbnail commands differ only by numbers: one item');
  t.equal(caught(argsGrace).length, 7);
  t.match(argsGrace.attacks.find((a) => a.attack === 'sa-token-redis'), { alerts: 4, worst: 'critical exe:/usr/bin/dash [-c cat /var/run/secrets/kubernetes.io/serviceaccount/token]' }, 'the shell the entrypoint ran is learned with its script; redis-server’s is not');
  t.match(argsGrace.attacks.find((a) => a.attack === 'webshell-storefront'), { alerts: 10, worst: 'critical exe:/usr/bin/dash [-c id]' }, 'each command of the web shell is an alert');
  t.ok(argsGrace.learnedItems > after.learnedItems, 'interpreters learn one item per program');
});
