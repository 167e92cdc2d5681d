// Severity and never-learn rules: the built-in rules/severity.yaml, user files in front of it,
// and the strict checks that stop a typo from rating everything "medium".
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import t from 'tap';
import { atLeast } from '../../collector/baseline/severity.js';
import { BUILT_IN_RULES_FILE, parseSeverityRules, SeverityRules, SeverityRulesError, type RatingInput } from '../../collector/baseline/severity-rules.js';

const rules = SeverityRules.builtIn();
const proc = (exe: string | null, more: Partial<RatingInput> = {}): RatingInput => ({ type: 'process', exe, ...more });
const out = (peer: string, port: number): RatingInput => ({ type: 'network', direction: 'outbound', peer, port });

t.test('built-in process rules: severity, reason, rule and never-learn', async (t) => {
  const cases: Array<[RatingInput, string, string, boolean]> = [
    [proc('/usr/bin/app', { exeUpperLayer: true }), 'critical', 'binary-not-in-image', true],
    [proc('/tmp/xmrig'), 'critical', 'exec-from-temp-dir', true],
    [proc('/dev/shm/.x/run'), 'critical', 'exec-from-temp-dir', true],
    [proc('/opt/miner/xmrig'), 'critical', 'crypto-miner', true],
    [proc('/bin/sh', { parentExe: '/usr/sbin/nginx' }), 'critical', 'server-spawns-shell', true],
    [proc('/bin/bash', { parentExe: '/usr/lib/postgresql/15/bin/postgres' }), 'critical', 'server-spawns-shell', true],
    [proc('/usr/bin/nmap'), 'critical', 'network-scanner', true],
    [proc('/usr/bin/sudo'), 'high', 'privilege-tool', true],
    [proc('/sbin/apk'), 'high', 'package-manager', true],
    [proc('/usr/bin/apt-get'), 'high', 'package-manager', true],
    [proc('/usr/bin/curl'), 'high', 'download-or-network-tool', true],
    [proc('/usr/bin/gcc'), 'high', 'compiler', true],
    [proc('/bin/bash', { parentExe: '/usr/local/bin/docker-entrypoint.sh' }), 'high', 'shell', false],
    [proc('/usr/local/bin/helper', { exeUpperLayer: false }), 'medium', 'default', false],
    [proc(null), 'medium', 'default', false],
  ];
  for (const [input, severity, rule, neverLearn] of cases) {
    t.match(rules.rate(input), { severity, rule, neverLearn }, `${input.exe ?? '(no exe)'} ← ${input.parentExe ?? ''}`);
  }
  t.equal(rules.rate(proc('/usr/bin/app', { exeUpperLayer: true })).reason, 'the binary is not part of the image (written after the container started)');
  t.equal(rules.rate(proc('/tmp/x', { exeUpperLayer: true })).rule, 'binary-not-in-image', 'the first matching rule decides');
});

t.test('built-in network rules', async (t) => {
  t.match(rules.rate(out('198.51.100.7', 3333)), { severity: 'critical', rule: 'mining-pool-port', neverLearn: true });
  t.match(rules.rate(out('10.0.3.7', 3333)), { severity: 'low', rule: 'outbound-private' }, 'a pool port inside the cluster is not a pool');
  t.match(rules.rate(out('93.184.216.34', 443)), { severity: 'medium', rule: 'outbound-public', neverLearn: false });
  t.match(rules.rate(out('api.stripe.com', 443)), { severity: 'medium', rule: 'outbound-public' });
  t.match(rules.rate(out('postgres.db.svc.cluster.local', 5432)), { severity: 'low', rule: 'outbound-private' });
  t.match(rules.rate({ type: 'network', direction: 'inbound', port: 8080 }), { severity: 'low', rule: 'new-listening-port' });
  t.match(rules.rate({ type: 'network', direction: 'outbound', peer: null, port: null }), { severity: 'medium', rule: 'default' });
  t.same(atLeast('high'), ['high', 'critical']);
  t.same(atLeast('low'), ['low', 'medium', 'high', 'critical']);
});

t.test('user rules go first and replace built-in rules of the same id', async (t) => {
  const dir = mkdtempSync(join(tmpdir(), 'vigil-rules-'));
  t.teardown(() => rmSync(dir, { recursive: true, force: true }));
  const file = join(dir, 'ours.yaml');
  writeFileSync(
    file,
    `vigil_severity_rules: 1
rules:
  - id: our-debug-shell
    severity: low
    reason: the support team's debug shell
    match: { exe: ['/opt/support/*'] }
  - id: download-or-network-tool
    severity: medium
    reason: curl is how our health checks work
    match: { exe_name: [curl] }
`,
  );
  const ours = SeverityRules.load([file]);
  t.match(ours.rate(proc('/opt/support/bin/sh')), { severity: 'low', rule: 'our-debug-shell', neverLearn: false });
  t.match(ours.rate(proc('/usr/bin/curl')), { severity: 'medium', reason: 'curl is how our health checks work', neverLearn: false });
  t.match(ours.rate(proc('/usr/bin/wget')), { rule: 'default' }, 'the replaced built-in rule is gone entirely');
  t.match(ours.rate(proc('/tmp/x')), { rule: 'exec-from-temp-dir' }, 'other built-in rules still apply');
  t.equal(ours.rules.filter((r) => r.id === 'download-or-network-tool').length, 1);
  t.throws(() => SeverityRules.load([join(dir, 'missing.yaml')]), { message: /cannot read severity rules .*missing\.yaml: ENOENT/ });
  t.equal(SeverityRules.load([BUILT_IN_RULES_FILE]).rules.length, rules.rules.length, 'the built-in file named again is read once');
});

t.test('a rules file with a mistake is refused, naming the file, the rule and the key', async (t) => {
  const head = 'vigil_severity_rules: 1\nrules:\n';
  const rule = (body: string): string => `${head}  - id: r\n    severity: high\n    reason: why\n${body}`;
  const cases: Array<[string, RegExp]> = [
    ['rules: []', /"vigil_severity_rules: 1" is required/],
    ['- 1', /expected a mapping/],
    [`${head}  - 1`, /f\.yaml#1: a rule must be a mapping/],
    ['vigil_severity_rules: 1\nrule: []', /unknown top-level key "rule"/],
    ['vigil_severity_rules: 1\nrules: {}', /"rules" must be a list/],
    ['vigil_severity_rules: 1\nrules: [\n', /not valid YAML/],
    [rule('    match: { exe_name: [sh] }\n    severty: low\n'), /f\.yaml#1: unknown key "severty"/],
    [`${head}  - id: Bad Id\n    severity: high\n    reason: why\n    match: { exe_name: [sh] }\n`, /"id" must be lower-case/],
    [`${head}  - id: r\n    severity: urgent\n    reason: why\n    match: { exe_name: [sh] }\n`, /\(r\): "severity" must be one of low, medium, high, critical/],
    [`${head}  - id: r\n    severity: high\n    reason: ''\n    match: { exe_name: [sh] }\n`, /"reason" must be a sentence/],
    [rule('    never_learn: yes please\n    match: { exe_name: [sh] }\n'), /"never_learn" must be true or false/],
    [rule('    match: [sh]\n'), /"match" must be a mapping/],
    [rule('    match: {}\n'), /"match" is empty/],
    [rule('    match: { exe_nam: [sh] }\n'), /unknown condition "exe_nam"/],
    [rule('    match: { exe_name: sh }\n'), /"exe_name" must be a non-empty list of strings/],
    [rule('    match: { exe: [bin/sh] }\n'), /"exe" patterns are absolute paths/],
    [rule('    match: { port: [70000] }\n'), /"port" must be a non-empty list of port numbers/],
    [rule('    match: { direction: sideways }\n'), /"direction" must be one of outbound, inbound/],
    [rule('    match: { exe_upper_layer: maybe }\n'), /"exe_upper_layer" must be true or false/],
    [rule('    match: { exe_name: [nc], port: [4444] }\n'), /mixes process conditions with network ones/],
    [rule('    match: { type: network, exe_name: [nc] }\n'), /contradict "type: network"/],
    [`${head}  - id: r\n    severity: high\n    reason: why\n    match: { exe_name: [a] }\n  - id: r\n    severity: low\n    reason: why\n    match: { exe_name: [b] }\n`, /rule id "r" is used twice/],
  ];
  const dir = mkdtempSync(join(tmpdir(), 'vigil-bad-rules-'));
  t.teardown(() => rmSync(dir, { recursive: true, force: true }));
  for (const [text, message] of cases) {
    const file = join(dir, 'f.yaml');
    writeFileSync(file, text);
    t.throws(() => SeverityRules.load([file]), message, message.source);
  }
  t.throws(() => parseSeverityRules('- 1', 'x.yaml'), SeverityRulesError);
});

t.test('glob patterns match whole paths', async (t) => {
  const r = new SeverityRules(parseSeverityRules(`vigil_severity_rules: 1\nrules:\n  - id: g\n    severity: low\n    reason: why\n    match: { exe: ['/opt/*/bin/tool', '*.sh'] }\n`, 'g.yaml'));
  t.equal(r.rate(proc('/opt/a/b/bin/tool')).rule, 'g', '* crosses /');
  t.equal(r.rate(proc('/entrypoint.sh')).rule, 'g');
  t.equal(r.rate(proc('/opt/a/bin/tool2')).rule, 'default', 'anchored at both ends');
  t.equal(r.rate(proc('/opt/a+b/bin/tool')).rule, 'g', 'regular-expression characters in paths are literal');
});
