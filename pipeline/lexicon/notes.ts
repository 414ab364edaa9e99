/**
 * Notes (注释) printed under a table or a box: they explain, they set no goal.
 */

/** A note's opening: `注：`, `说明：`, `备注：`. */
export const noteExpression = /^(?:注|说明|备注)\s*[:：]/

/** A note, or one item of a numbered list of definitions under a table (`1. 高价值发明专利是指…`). */
export const noteOrDefinitionExpression = new RegExp(noteExpression.source + '|^\\d+\\s*[.．、]\\s*\\S+(?:是指|指)')
