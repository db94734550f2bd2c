/** "Company / Department", leaving out whichever is not recorded. */
export function affiliation(client: { company: string | null; department: string | null }): string {
  return [client.company, client.department].filter((part): part is string => Boolean(part)).join(" / ");
}
