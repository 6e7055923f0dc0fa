import Type, { type Static } from 'typebox';
import { LOGO_KEY_MAX_LENGTH } from '../../themes/logo-keys.js';
import { LOGO_TYPES } from '../../themes/theme.js';

/** The payloads of the logo upload flow (`/themes/logos-upload-urls`, `/themes/:theme_id/finalizeLogos`). */

export const LogoThemeParams = Type.Object({ theme_id: Type.String({ maxLength: 100 }) });
export type LogoThemeParams = Static<typeof LogoThemeParams>;

/** Every SDK sends the keys as strings (the old spec's `{key}` objects appear in no client). */
export const FinalizeLogosBody = Type.Object({
  keys: Type.Array(Type.String({ maxLength: LOGO_KEY_MAX_LENGTH }), {
    minItems: 1,
    maxItems: LOGO_TYPES.length,
    description: 'The `fields.key` of each upload target whose file becomes one of the theme\'s logos, at most one per logo type.',
  }),
});
export type FinalizeLogosBody = Static<typeof FinalizeLogosBody>;

/** One upload target: post `fields`, in order, then the PNG as the part `file`, to `url`. */
export const LogoUploadTargetJson = Type.Object({
  url: Type.String({ format: 'uri' }),
  fields: Type.Object(
    {
      'Content-Type': Type.Literal('image/png'),
      key: Type.String(),
      logoType: Type.Enum(LOGO_TYPES),
      bucket: Type.String(),
    },
    { additionalProperties: Type.String(), description: 'Then the policy fields: X-Parley-Algorithm, X-Parley-Date, Policy, X-Parley-Signature.' },
  ),
});
export type LogoUploadTargetJson = Static<typeof LogoUploadTargetJson>;

export const LogoUploadTargetsJson = Type.Array(LogoUploadTargetJson);
