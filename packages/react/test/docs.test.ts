// @vitest-environment node
// Every public export has a TSDoc comment (the generated ones carry the operation's summary).
import ts from 'typescript';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const entry = fileURLToPath(new URL('../src/index.ts', import.meta.url));
const program = ts.createProgram([entry], { module: ts.ModuleKind.NodeNext, moduleResolution: ts.ModuleResolutionKind.NodeNext, jsx: ts.JsxEmit.ReactJSX, strict: true, skipLibCheck: true });
const checker = program.getTypeChecker();
const source = program.getSourceFile(entry)!;
const exported = checker.getExportsOfModule(checker.getSymbolAtLocation(source)!);

describe('documentation', () => {
  it('exports the whole API from one entry', () => {
    expect(exported.length).toBeGreaterThan(200);
  });

  it('every export has a TSDoc comment', () => {
    const undocumented = exported
      .map((symbol) => (symbol.flags & ts.SymbolFlags.Alias ? checker.getAliasedSymbol(symbol) : symbol))
      .filter((symbol) => ts.displayPartsToString(symbol.getDocumentationComment(checker)).trim() === '')
      .map((symbol) => symbol.getName());
    expect(undocumented).toEqual([]);
  });

  it('every key of miniMaxKeys has a TSDoc comment', () => {
    const keys = exported.find((s) => s.getName() === 'miniMaxKeys')!;
    const type = checker.getTypeOfSymbol(checker.getAliasedSymbol(keys));
    const missing: string[] = [];
    for (const tag of type.getProperties()) {
      if (!ts.displayPartsToString(tag.getDocumentationComment(checker)).trim()) missing.push(tag.getName());
      const inner = checker.getTypeOfSymbol(tag);
      if (checker.isTupleType(inner)) continue;
      for (const key of inner.getProperties()) {
        if (!ts.displayPartsToString(key.getDocumentationComment(checker)).trim()) missing.push(`${tag.getName()}.${key.getName()}`);
      }
    }
    expect(missing).toEqual([]);
  });
});
