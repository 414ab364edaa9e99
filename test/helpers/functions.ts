/**
 * The functions of the project's modules and their lengths in lines, read
 * with the TypeScript compiler's parser: what the function-length check
 * (`test/layers.test.ts`) measures.
 */
import {readFileSync} from 'node:fs'
import ts from 'typescript'

/** A function: `file name>inner` (its name, within the named functions around it), and its lines. */
export interface FunctionLength {
  key: string
  lines: number
}

/** Every function with a body in `file` (relative to `root`). */
export function functionLengths(root: string, file: string): FunctionLength[] {
  const source = ts.createSourceFile(file, readFileSync(root + '/' + file, 'utf8'), ts.ScriptTarget.ES2022, true)
  const found: FunctionLength[] = []
  const line = (position: number) => source.getLineAndCharacterOfPosition(position).line
  const visit = (node: ts.Node, names: string[]) => {
    let inner = names
    if (ts.isFunctionLike(node) && 'body' in node && node.body) {
      inner = [...names, nameOf(node)]
      found.push({key: file + ' ' + inner.join('>'), lines: line(node.getEnd()) - line(node.getStart()) + 1})
    }
    ts.forEachChild(node, (child) => visit(child, inner))
  }
  visit(source, [])
  return found
}

function nameOf(node: ts.SignatureDeclaration): string {
  if (node.name) return node.name.getText()
  const parent = node.parent
  if (
    (ts.isVariableDeclaration(parent) || ts.isPropertyAssignment(parent) || ts.isPropertyDeclaration(parent)) &&
    parent.name
  )
    return parent.name.getText()
  if (ts.isConstructorDeclaration(node)) return 'constructor'
  return 'anonymous'
}
