/** `%text%` with LIKE's wildcards in the text escaped, for `vn_fold(col) LIKE vn_fold($pattern)`. */
export const containsPattern = (text: string): string => `%${escapeLike(text)}%`;
/** `text%`, escaped the same way. */
export const prefixPattern = (text: string): string => `${escapeLike(text)}%`;

const escapeLike = (text: string): string => text.replace(/[\\%_]/g, (c) => `\\${c}`);
