// ESLint rule: every value an entry file exports has TSDoc with an `@example` that ports Erlang
// (STYLE.md): the Erlang line as a `//` comment, then the TypeScript. Entry files are export
// lists, so the rule follows each export to its declaration through the type checker, and into
// `export * as ns from ...` namespaces. Type-only exports are skipped.
import ts from 'typescript';

/** @param {ts.Declaration} decl */
function exampleOf(decl) {
  // Overloads: the doc sits on the first signature; a const holds its doc on the statement.
  const nodes = [decl];
  if (ts.isVariableDeclaration(decl)) nodes.push(decl.parent.parent);
  for (const node of nodes) {
    for (const tag of ts.getJSDocTags(node)) {
      if (tag.tagName.text !== 'example') continue;
      const text = typeof tag.comment === 'string' ? tag.comment : ts.getTextOfJSDocComment(tag.comment);
      if (text !== undefined && /^\s*\/\/\s*\S/m.test(text)) return 'ok';
      return 'no-erlang';
    }
  }
  return 'missing';
}

/** @param {ts.Symbol} symbol @param {ts.TypeChecker} checker */
function valueDeclarations(symbol, checker) {
  const target = symbol.flags & ts.SymbolFlags.Alias ? checker.getAliasedSymbol(symbol) : symbol;
  const decls = target.declarations ?? [];
  const isValue = (target.flags & ts.SymbolFlags.Value) !== 0;
  return { target, decls: isValue ? decls : [] };
}

/** @type {import('eslint').Rule.RuleModule} */
export default {
  meta: {
    type: 'suggestion',
    docs: { description: 'every export of an entry file has an @example porting Erlang' },
    messages: {
      missing: "'{{name}}' has no @example (STYLE.md: a literal Erlang port as a // comment, then the TS)",
      'no-erlang': "'{{name}}''s @example has no Erlang line: start it with the Erlang as a // comment",
    },
    schema: [],
  },
  create(context) {
    const services = context.sourceCode.parserServices;
    if (services?.program === undefined || services.program === null) return {};
    const checker = services.program.getTypeChecker();
    /** @param {import('estree').Node} node @param {string} name @param {ts.Symbol | undefined} symbol @param {Set<ts.Symbol>} seen */
    function check(node, name, symbol, seen) {
      if (symbol === undefined) return;
      const { target, decls } = valueDeclarations(symbol, checker);
      if (decls.length === 0 || seen.has(target)) return;
      seen.add(target);
      const first = decls[0];
      if (first !== undefined && ts.isSourceFile(first)) {
        // `export * as ns from './m.js'`: every value that module exports.
        for (const inner of checker.getExportsOfModule(target))
          check(node, `${name}.${inner.name}`, inner, seen);
        return;
      }
      const verdicts = decls.map(exampleOf);
      const verdict = verdicts.includes('ok')
        ? 'ok'
        : verdicts.includes('no-erlang')
          ? 'no-erlang'
          : 'missing';
      if (verdict !== 'ok') context.report({ node, messageId: verdict, data: { name } });
    }
    return {
      /** @param {any} node */
      ExportNamedDeclaration(node) {
        if (node.exportKind === 'type') return;
        const seen = new Set();
        if (node.declaration !== null && node.declaration !== undefined) {
          const tsNode = services.esTreeNodeToTSNodeMap.get(node.declaration);
          const names = ts.isVariableStatement(tsNode)
            ? tsNode.declarationList.declarations.map((d) => d.name)
            : [tsNode.name];
          for (const id of names) {
            if (id === undefined || !ts.isIdentifier(id)) continue;
            check(node, id.text, checker.getSymbolAtLocation(id), seen);
          }
          return;
        }
        for (const spec of node.specifiers) {
          if (spec.exportKind === 'type') continue;
          const tsSpec = services.esTreeNodeToTSNodeMap.get(spec);
          const name = spec.exported.type === 'Identifier' ? spec.exported.name : String(spec.exported.value);
          check(spec, name, checker.getSymbolAtLocation(tsSpec.name), seen);
        }
      },
      /** @param {any} node */
      ExportAllDeclaration(node) {
        if (node.exportKind === 'type' || node.exported === null) return;
        const tsNode = services.esTreeNodeToTSNodeMap.get(node);
        const symbol =
          tsNode.exportClause !== undefined
            ? checker.getSymbolAtLocation(tsNode.exportClause.name)
            : undefined;
        check(node, node.exported.name, symbol, new Set());
      },
    };
  },
};
