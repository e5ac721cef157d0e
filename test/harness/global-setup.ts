// Starts the servers the tests need (filled in as the suites that need them arrive).
export default async function setup(): Promise<() => Promise<void>> {
  return async () => {};
}
