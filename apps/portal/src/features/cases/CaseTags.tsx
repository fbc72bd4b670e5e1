import { Tag } from '../../ui/govuk';
import { riskTag, statusTag } from '../../format';

// Status and risk are always spelled out in the tag text, never colour alone.
export function StatusTag({ status }: { status: string }) {
  const t = statusTag(status);
  return <Tag colour={t.colour}>{t.text}</Tag>;
}

export function RiskTag({ risk, short }: { risk: string; short?: boolean }) {
  const t = riskTag(risk);
  return <Tag colour={t.colour}>{short ? t.text.replace(' risk', '') : t.text}</Tag>;
}
