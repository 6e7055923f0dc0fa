import Type from 'typebox';

const PageToken = Type.Optional(Type.String({ maxLength: 512, description: 'The `nextPageToken` of the page before; the first page without.' }));
const AccessToken = Type.Optional(Type.String({ maxLength: 256 }));

/** `listVideoMeetings` (spec §3.3.1). */
export const UserMeetingsQuery = Type.Object({
  text: Type.Optional(Type.String({ maxLength: 256, description: 'Part of the meeting (bridge) name, any case.' })),
  pageToken: PageToken,
  perPage: Type.Optional(Type.Integer({ minimum: 1, description: 'At most 100: more is taken as 100. 25 by default.' })),
  type: Type.Optional(
    Type.Enum(['All', 'My', 'Deleted', 'Shared', 'None'], {
      description: 'Absent (or `None`): meetings the caller hosted or took part in. `All`, `My`: hosted, bridge still there. `Deleted`: hosted, bridge deleted. `Shared`: none (Parley shares no meetings).',
    }),
  ),
  materials: Type.Optional(Type.Enum(['Recordings', 'Notes'], { description: '`Recordings`: only meetings with a recording; `Notes`: none (Parley makes no notes). Not with `type`.' })),
  startTime: Type.Optional(Type.Integer({ minimum: 0, description: 'Epoch milliseconds, inclusive: meetings that started then or later.' })),
  endTime: Type.Optional(Type.Integer({ minimum: 0, description: 'Epoch milliseconds, inclusive: meetings that started then or earlier.' })),
  access_token: AccessToken,
});

/** `listAccountMeetings` (spec §3.3.4). */
export const AccountMeetingsQuery = Type.Object({
  pageToken: PageToken,
  perPage: Type.Optional(Type.Integer({ minimum: 10, maximum: 100, default: 25 })),
  startTimeFrom: Type.Optional(Type.String({ maxLength: 64, description: 'ISO 8601: meetings that started then or later.' })),
  startTimeTo: Type.Optional(Type.String({ maxLength: 64, description: 'ISO 8601: meetings that started then or earlier.' })),
  orderBy: Type.Optional(Type.String({ maxLength: 32, default: '-startTime', description: '`-startTime` (newest first, the default) or `+startTime`.' })),
  access_token: AccessToken,
});

export const RecordingsQuery = Type.Object({
  pageToken: PageToken,
  perPage: Type.Optional(Type.Integer({ minimum: 1, description: 'At most 100: more is taken as 100. 25 by default.' })),
  access_token: AccessToken,
});

export const MeetingParams = Type.Object({ meetingId: Type.String({ minLength: 1, maxLength: 200 }) });
export const AccountParams = Type.Object({ accountId: Type.String({ minLength: 1, maxLength: 64, description: 'The account, or `~` for the token\'s.' }) });
