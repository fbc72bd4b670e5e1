import { formatDate, humanise } from '../format';
import { SummaryList, Tag } from '../components/govuk';
import type { CaseData } from './CasePage';
import { shown } from './fields';

const money = new Intl.NumberFormat('en-GB', { style: 'currency', currency: 'GBP' });

export function PartiesTab({ c }: { c: CaseData }) {
  return (
    <>
      <h2 className="govuk-heading-m">Parties</h2>
      {c.parties.length === 0 && <p className="govuk-body">No people are recorded on this case.</p>}
      {c.parties.map((p, i) => {
        const r = p.redactedFields;
        const title = `${humanise(p.role)} ${i + 1}`;
        return (
          <div className="govuk-summary-card" key={p.id}>
            <div className="govuk-summary-card__title-wrapper">
              <h3 className="govuk-summary-card__title">
                {title}
                {p.anonymous && (
                  <>
                    {' '}
                    <Tag colour="purple">Anonymous</Tag>
                  </>
                )}
              </h3>
            </div>
            <div className="govuk-summary-card__content">
              <SummaryList
                rows={[
                  { key: 'Role', value: humanise(p.role) },
                  { key: 'Full name', value: shown(r, 'fullName', p.fullName) },
                  { key: 'Address', value: shown(r, 'address', p.address) },
                  { key: 'Phone', value: shown(r, 'phone', p.phone) },
                  { key: 'Date of birth', value: shown(r, 'dateOfBirth', p.dateOfBirth && formatDate(p.dateOfBirth)) },
                  { key: 'Tenant of the owner landlord', value: p.tenant ? 'Yes' : 'No' },
                  { key: 'Tenancy type', value: shown(r, 'tenancyType', p.tenancyType && humanise(p.tenancyType)) },
                  { key: 'Rent arrears', value: shown(r, 'rentArrears', p.rentArrears === null || p.rentArrears === undefined ? null : money.format(p.rentArrears)) },
                  { key: 'Breaches of tenancy', value: shown(r, 'tenancyBreaches', p.tenancyBreaches, 'None recorded') },
                ]}
              />
            </div>
          </div>
        );
      })}
    </>
  );
}
