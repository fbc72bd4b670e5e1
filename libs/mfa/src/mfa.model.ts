import { Field, ObjectType } from '@nestjs/graphql';

@ObjectType({
  description:
    'A second factor being set up: add the key to an authenticator app (scan the QR code, or type the key), then confirm with a code. Shown once; nothing answers the key again',
})
export class TotpEnrolment {
  @Field({ description: 'The shared secret, base32, to type into the app by hand' })
  secret: string;

  @Field({ description: 'The otpauth:// URI the QR code carries' })
  otpauthUri: string;

  @Field({ description: 'The QR code as an SVG data URL (data:image/svg+xml;base64,…), drawn by the server' })
  qrCodeDataUrl: string;
}

@ObjectType({ description: 'The signed-in user’s second factor' })
export class MfaStatus {
  @Field({ description: 'A second factor (TOTP) is on: signing in asks for a code' })
  enrolled: boolean;

  @Field({
    description:
      'A second factor is expected: always for ADMIN and MANAGER, and for everyone in an agency that requires it. The portal sends such a user to enrol first; the API does not refuse them (existing clients sign in with a password)',
  })
  required: boolean;
}
