/** "Company / Department", leaving out whichever is not recorded. */
export function affiliation(companyName: string | null | undefined, department: string | null): string {
  return [companyName, department].filter((part): part is string => Boolean(part)).join(" / ");
}
