/** Names and URLs of the test databases. */
export const TEMPLATE_DATABASE = 'phuong_test_template';

export function withDatabase(url: string, database: string): string {
  const parsed = new URL(url);
  parsed.pathname = `/${database}`;
  return parsed.toString();
}
