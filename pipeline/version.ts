/**
 * The tool's version, read from package.json: the one place it is written.
 * Manifests and diff data name it (`zhengce/<version>`); a manifest of
 * another version is not trusted to skip unchanged files.
 */
import packageJson from '../package.json' with {type: 'json'}

/** The package's version (`0.1.0`). */
export const version: string = packageJson.version

/** What outputs name their writer: `zhengce/0.1.0`. */
export const toolVersion = 'zhengce/' + version
