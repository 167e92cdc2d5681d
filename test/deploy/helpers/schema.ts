// Offline validation of Kubernetes objects against the API schemas, two ways, both from the
// kubernetes-models package (Kubernetes' OpenAPI definitions):
// - its runtime validators: required fields, types, formats (quantities, int-or-string);
// - its TypeScript interfaces, through the compiler: an object literal with a field the API does
//   not have is an error there, which the runtime validators let through and which
//   `kubectl apply` (strict field validation) refuses.
import { dirname, join } from 'node:path';
import ts from 'typescript';
import type { JsonObject } from '../../support/kustomize.js';

interface Model {
  validate(): void;
}
type ModelClass = new (data: JsonObject) => Model;

function modulePath(obj: JsonObject): string {
  const apiVersion = String(obj.apiVersion);
  const kind = String(obj.kind);
  if (!/^[a-z0-9.]*\/?v\d+(?:(?:alpha|beta)\d+)?$/.test(apiVersion) || !/^[A-Z][A-Za-z]+$/.test(kind)) {
    throw new Error(`not a Kubernetes type: ${apiVersion} ${kind}`);
  }
  return `kubernetes-models/${apiVersion}/${kind}`;
}

/** Runs the kubernetes-models validator of the object's kind; returns its error, or null. */
export async function validateWithModel(obj: JsonObject): Promise<string | null> {
  const mod = (await import(modulePath(obj))) as Record<string, unknown>;
  const Class = mod[String(obj.kind)] as ModelClass | undefined;
  if (typeof Class !== 'function') throw new Error(`kubernetes-models has no class ${String(obj.kind)} in ${modulePath(obj)}`);
  try {
    new Class(obj).validate();
    return null;
  } catch (err) {
    return (err as Error).message;
  }
}

/**
 * Type-checks every object as a literal of its kubernetes-models interface. Returns one message
 * per compiler diagnostic, naming the object; an empty list means every field is known and typed.
 */
export function typeCheckObjects(objects: readonly JsonObject[], label: (o: JsonObject) => string): string[] {
  // Beside this file so that node_modules resolves as it does for the tests themselves.
  const virtual = join(dirname(new URL(import.meta.url).pathname), '__manifests_typecheck__.ts');
  const imports = new Map<string, string>();
  const lines: string[] = [];
  objects.forEach((obj, i) => {
    const path = modulePath(obj);
    const iface = `I${String(obj.kind)}`;
    const alias = `${iface}_${imports.size}`;
    if (!imports.has(path)) imports.set(path, alias);
    lines.push(`// ${label(obj)}\nexport const object${i}: ${imports.get(path) ?? alias} = ${JSON.stringify(obj, null, 2)};`);
  });
  const header = [...imports].map(([path, alias]) => {
    const kind = path.slice(path.lastIndexOf('/') + 1);
    return `import type { I${kind} as ${alias} } from '${path}';`;
  });
  const source = `${header.join('\n')}\n${lines.join('\n')}\n`;
  const options: ts.CompilerOptions = {
    strict: true,
    noEmit: true,
    target: ts.ScriptTarget.ES2022,
    module: ts.ModuleKind.NodeNext,
    moduleResolution: ts.ModuleResolutionKind.NodeNext,
    skipLibCheck: true,
    types: [],
  };
  const host = ts.createCompilerHost(options);
  const getSourceFile = host.getSourceFile.bind(host);
  host.getSourceFile = (name, version, onError, create) =>
    name === virtual ? ts.createSourceFile(name, source, version, true) : getSourceFile(name, version, onError, create);
  const fileExists = host.fileExists.bind(host);
  host.fileExists = (name) => name === virtual || fileExists(name);
  const readFile = host.readFile.bind(host);
  host.readFile = (name) => (name === virtual ? source : readFile(name));
  const program = ts.createProgram([virtual], options, host);
  const file = program.getSourceFile(virtual);
  if (!file) throw new Error('the type-check source was not loaded');
  const diagnostics = [...program.getSyntacticDiagnostics(file), ...program.getSemanticDiagnostics(file)];
  return diagnostics.map((d) => {
    const text = ts.flattenDiagnosticMessageText(d.messageText, '\n');
    if (d.start === undefined) return text;
    const { line } = file.getLineAndCharacterOfPosition(d.start);
    const before = source.split('\n').slice(0, line + 1).reverse();
    const owner = before.find((l) => l.startsWith('// ')) ?? '';
    return `${owner.slice(3)} (line ${line + 1} of the generated check): ${text}`;
  });
}
