export async function seedIfEmpty() {}
