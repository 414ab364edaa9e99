/**
 * How a 公文 cites: a document number (发文字号, GB/T 9704-2012 7.2.4) and a
 * title in 《》. Read by the document-number and references extractors and
 * by the title's (a notice issues what it cites).
 */

/** A whole document number: `溧政办发〔2022〕71号`, also `[2022]`, `［2022］`, `（2022）`, `(2022)`, with or without 第; groups: agency, year, serial. */
export const documentNumberExpression =
  /([\p{Script=Han}A-Za-z]{1,14}?)\s*[〔［\[【（(]\s*((?:19|20)\d{2})\s*[〕］\]】）)]\s*第?\s*(\d{1,5})\s*号/u

/** 《…》 with one level of nested 〈…〉 or <…> allowed; bounded so a stray 《 cannot run away. */
export const citationExpression = /《([^《》\n]{1,120})》/g
