const DAY_MS = 86_400_000;
const dayNumber = (date: string) => Math.floor(Date.parse(`${date}T00:00:00Z`) / DAY_MS);

/**
 * Days away within [from, to) (dates, `to` exclusive): from the first day away up to the day of return (not
 * counted: they are back), or up to today (included) while still away. A step-away that starts later counts nothing yet.
 */
export function daysAwayIn(
  span: { startsOn: string; returnedOn: string | null },
  from: string,
  to: string,
  today: string,
): number {
  const start = Math.max(dayNumber(span.startsOn), dayNumber(from));
  const end = Math.min(span.returnedOn ? dayNumber(span.returnedOn) : dayNumber(today) + 1, dayNumber(to));
  return Math.max(0, end - start);
}
