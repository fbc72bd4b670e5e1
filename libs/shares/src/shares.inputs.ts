import { Field, InputType } from '@nestjs/graphql';
import { Transform } from 'class-transformer';
import { IsEnum, IsString, Length, ValidateIf } from 'class-validator';
import { ConsentState, LawfulBasis } from './case-share.model.js';

/** Words are kept trimmed, so three spaces are not three characters of reason. */
const Trimmed = () => Transform(({ value }: { value: unknown }) => (typeof value === 'string' ? value.trim() : value));

@InputType({
  description:
    "The lawful basis of a share and the victim's consent. Without it, shareCase records basis OTHER in the words of `reason`, and consent NOT_RECORDED",
})
export class SharingBasisInput {
  @Field(() => LawfulBasis)
  @IsEnum(LawfulBasis)
  lawfulBasis: LawfulBasis;

  @Field(() => String, { nullable: true, description: 'Required for OTHER: the basis in words (3–2,000 characters)' })
  @Trimmed()
  @ValidateIf((input: SharingBasisInput) => input.lawfulBasis === LawfulBasis.OTHER || input.lawfulBasisDetail != null)
  @IsString({ message: 'lawfulBasisDetail must name the lawful basis when it is OTHER' })
  @Length(3, 2000)
  lawfulBasisDetail?: string | null;

  @Field(() => ConsentState, {
    description: 'GIVEN, NOT_SOUGHT or REFUSED_OVERRIDDEN (NOT_RECORDED is for old shares)',
  })
  @IsEnum(ConsentState)
  consent: ConsentState;

  @Field(() => String, {
    nullable: true,
    description:
      'Required for NOT_SOUGHT (why not) and REFUSED_OVERRIDDEN (the risk that justifies sharing), 3–2,000 characters',
  })
  @Trimmed()
  @ValidateIf(
    (input: SharingBasisInput) =>
      input.consent === ConsentState.NOT_SOUGHT ||
      input.consent === ConsentState.REFUSED_OVERRIDDEN ||
      input.consentDetail != null,
  )
  @IsString({
    message: 'consentDetail must say why consent was not sought, or the risk that justifies overriding a refusal',
  })
  @Length(3, 2000)
  consentDetail?: string | null;
}
