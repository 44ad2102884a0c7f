// Edits one field of an SDL file, for the schema contract's demonstration:
//   node edit-schema.mjs remove|deprecate Type.field IN OUT
// remove drops the field; deprecate adds @deprecated(reason: ...) to it. Run with
// frontend-kit/node_modules on NODE_PATH (graphql-js).
import { readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';

const require = createRequire(`${process.cwd()}/frontend-kit/`);
const { Kind, parse, print, visit } = require('graphql');

const [action, coordinate, input, output] = process.argv.slice(2);
const [typeName, fieldName] = coordinate.split('.');
let found = false;
const edited = visit(parse(readFileSync(input, 'utf8')), {
	FieldDefinition(field, key, parent, path, ancestors) {
		const type = ancestors[ancestors.length - 1];
		if (type.name?.value !== typeName || field.name.value !== fieldName) {
			return undefined;
		}
		found = true;
		if (action === 'remove') {
			return null;
		}
		const reason = { kind: Kind.STRING, value: 'Deprecated by the schema contract demonstration' };
		const deprecated = {
			kind: Kind.DIRECTIVE,
			name: { kind: Kind.NAME, value: 'deprecated' },
			arguments: [{ kind: Kind.ARGUMENT, name: { kind: Kind.NAME, value: 'reason' }, value: reason }],
		};
		return { ...field, directives: [...(field.directives ?? []), deprecated] };
	},
});
if (!found) {
	console.error(`${coordinate} is not a field of ${input}`);
	process.exit(2);
}
writeFileSync(output, print(edited));
