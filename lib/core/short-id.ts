/**
 * A UUID shortened for display: its last 8 hex digits, random in every version. (The first digits
 * of a version 7 id are its time, the same for every id made within a minute.)
 */
export const shortId = (id: string) => id.slice(-8);
