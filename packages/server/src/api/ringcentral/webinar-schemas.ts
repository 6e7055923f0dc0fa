import Type from 'typebox';
import { ON_DEMAND_DURATIONS, QUESTION_TYPES } from '../../webinars/registration-settings.js';
import { WEBINAR_AUTHENTICATIONS } from '../../webinars/webinar.js';

/** Webinar ids: strings of 1 to 20 characters (spec §2.1). */
const WebinarId = (description: string) => Type.String({ minLength: 1, maxLength: 20, description });
const Flag = (description?: string) => Type.Optional(Type.Boolean(description ? { description } : {}));
const Text = (maxLength: number, description?: string) => Type.Optional(Type.String({ maxLength, ...(description ? { description } : {}) }));
const DateTime = (description: string) => Type.String({ format: 'date-time', maxLength: 64, description });

export const WebinarParams = Type.Object({ webinarId: WebinarId('The webinar.') });
export const SessionParams = Type.Object({ webinarId: WebinarId('The webinar.'), sessionId: WebinarId('The session.') });
export const InviteeParams = Type.Object({ webinarId: WebinarId('The webinar.'), sessionId: WebinarId('The session.'), inviteeId: WebinarId('The invitee.') });
export const RegistrationSessionParams = Type.Object({ sessionId: WebinarId('The session.') });
export const RegistrantParams = Type.Object({ sessionId: WebinarId('The session.'), registrantId: WebinarId('The registrant.') });

const Paging = {
  perPage: Type.Optional(Type.Integer({ minimum: 1, description: 'Records per page: 100 unless given, at most 1000 (more is taken as 1000).' })),
  pageToken: Type.Optional(Type.String({ maxLength: 1024, description: 'A `nextPageToken` or `previousPageToken` of the previous answer.' })),
  access_token: Type.Optional(Type.String({ maxLength: 256 })),
};
/** An array parameter in either form the SDKs send: repeated (`status=A&status=B`) or comma-separated (`status=A,B`). */
const ListParam = (description: string) => Type.Optional(Type.Array(Type.String({ maxLength: 256 }), { maxItems: 50, description }));

export const PagingQuery = Type.Object(Paging);
export const ListWebinarsQuery = Type.Object({ creationTimeFrom: DateTime('Webinars made at or after this time.'), ...Paging });
export const ListSessionsQuery = Type.Object({
  nameFragment: Text(64, 'A piece of the session\'s title (its webinar\'s when it has none), in any case.'),
  status: ListParam('`Scheduled`, `Active`, `Finished`.'),
  endTimeFrom: DateTime('Sessions scheduled to end at or after this time.'),
  ...Paging,
});
export const ListCompanySessionsQuery = Type.Object({
  status: ListParam('`Scheduled`, `Active`, `Finished`.'),
  endTimeFrom: DateTime('Sessions scheduled to end at or after this time.'),
  hostUserId: ListParam('Up to 10 hosts; every host of the account when absent.'),
  ...Paging,
});
export const RegistrantsQuery = Type.Object({ includeQuestionnaire: Flag('Include each registrant\'s answers.'), ...Paging });
export const RegistrantQuery = Type.Object({ includeQuestionnaire: Flag('Include the registrant\'s answers.'), access_token: Type.Optional(Type.String({ maxLength: 256 })) });

const Authentication = Type.Optional(Type.Enum([...WEBINAR_AUTHENTICATIONS]));

/** The webinar settings a host may set; read-only ones are shown, not taken. */
const WebinarSettings = Type.Object({
  autoRecord: Flag('Record every session from its start.'),
  panelistWaitingRoom: Flag('Kept and shown.'),
  panelistVideoEnabled: Flag('Kept and shown.'),
  panelistScreenSharingEnabled: Flag('Kept and shown.'),
  panelistMuteControlEnabled: Flag('Kept and shown.'),
  panelistAuthentication: Authentication,
  attendeeAuthentication: Authentication,
  artifactsAccessAuthentication: Authentication,
  pstnEnabled: Flag('Kept and shown.'),
  password: Text(64, 'Kept and shown; an empty string removes it.'),
  qnaEnabled: Flag(),
  qnaAnonymousEnabled: Flag(),
  moderatedQnaEnabled: Flag(),
  registrationEnabled: Flag('Sessions take registrants (through the Registration API and the hosted registration page).'),
  postWebinarRedirectUri: Type.Optional(Type.String({ format: 'uri', maxLength: 1024 })),
}, { additionalProperties: false, description: 'Read-only settings sent back (a whole `settings` read and written again) are dropped.' });

const Title = Type.String({ minLength: 1, maxLength: 512 });
const Description = Text(4096);

export const WebinarCreationRequest = Type.Object({
  title: Title,
  description: Description,
  settings: Type.Optional(WebinarSettings),
  host: Type.Optional(
    Type.Object({
      linkedUser: Type.Object({
        userId: Type.String({ minLength: 1, maxLength: 256 }),
        accountId: Type.String({ minLength: 1, maxLength: 256 }),
        domain: Type.Optional(Type.Enum(['pbx', 'ilm'])),
      }),
    }, { description: 'Another user of the account as host: administrators (WebinarSettings) only.' }),
  ),
});

export const WebinarUpdateRequest = Type.Object({ title: Type.Optional(Title), description: Description, settings: Type.Optional(WebinarSettings) });

const SessionStatus = Type.Enum(['Scheduled', 'Active', 'Finished']);

/** `WcsSessionWithLocaleCodeModel`: all optional here; a create requires the schedule (checked by the domain). */
export const SessionRequest = Type.Object({
  scheduledStartTime: Type.Optional(DateTime('When the session starts.')),
  scheduledDuration: Type.Optional(Type.Integer({ minimum: 30, maximum: 43200, description: 'Seconds.' })),
  timeZone: Type.Optional(Type.String({ minLength: 3, maxLength: 64, description: 'IANA name.' })),
  timezone: Type.Optional(Type.String({ minLength: 3, maxLength: 64, description: 'Taken for `timeZone`, as RingCentral\'s developer guide spells it.' })),
  panelJoinTimeOffset: Type.Optional(Type.Integer({ minimum: 0, maximum: 86400 })),
  title: Text(512),
  description: Description,
  localeCode: Type.Optional(Type.String({ minLength: 2, maxLength: 8 })),
  status: Type.Optional(SessionStatus),
});

const Name = Text(64);
const Email = Type.String({ format: 'email', minLength: 1, maxLength: 256 });
const InviteeType = Type.Optional(Type.Enum(['User', 'Room']));
const Role = Type.String({ minLength: 1, maxLength: 32, description: '`CoHost` or `Panelist` (any case).' });
const LinkedUser = Type.Object({
  userId: Type.String({ minLength: 1, maxLength: 256 }),
  accountId: Type.String({ minLength: 1, maxLength: 256 }),
  domain: Type.Optional(Type.Enum(['pbx', 'ilm'])),
});

const AddInvitee = Type.Object({
  role: Role,
  firstName: Name,
  lastName: Name,
  email: Type.Optional(Email),
  jobTitle: Name,
  linkedUser: Type.Optional(LinkedUser),
  type: InviteeType,
  sendInvite: Flag(),
});

export const UpdateInviteeRequest = Type.Object({
  role: Role,
  firstName: Name,
  lastName: Name,
  email: Type.Optional(Email),
  jobTitle: Name,
  linkedUser: Type.Optional(Type.Unknown({ description: 'Refused: a linked user cannot change.' })),
  type: InviteeType,
  sendInvite: Flag(),
});

export const BulkUpdateInviteesRequest = Type.Object({
  addedInvitees: Type.Optional(Type.Array(AddInvitee, { maxItems: 500 })),
  updatedInvitees: Type.Optional(Type.Array(Type.Intersect([Type.Object({ id: WebinarId('The invitee.') }), UpdateInviteeRequest]), { maxItems: 500 })),
  deletedInvitees: Type.Optional(Type.Array(Type.Object({ id: WebinarId('The invitee.') }), { maxItems: 500 })),
});

const Question = Type.Object({
  questionId: Type.String({ minLength: 1, maxLength: 64 }),
  questionText: Type.String({ minLength: 1, maxLength: 512 }),
  type: Type.Enum([...QUESTION_TYPES]),
  required: Type.Optional(Type.Boolean({ default: false })),
  answers: Type.Optional(
    Type.Array(Type.Object({ answerId: Type.String({ minLength: 1, maxLength: 64 }), answerText: Type.String({ minLength: 1, maxLength: 256 }) }), { maxItems: 50 }),
  ),
});

export const RegistrationUpdateRequest = Type.Object({
  registrationStatus: Type.Optional(Type.Enum(['Open', 'Closed'])),
  settings: Type.Optional(
    Type.Object({
      autoCloseLimit: Type.Optional(Type.Integer({ minimum: 0, maximum: 1_000_000, description: 'The most registrants; 0: no limit.' })),
      suppressEmails: Flag("No confirmation email to this session's registrants (the host sends its own)."),
      registrationDigestEnabled: Flag('Kept and shown.'),
      preventMultipleDeviceJoins: Flag('Kept and shown.'),
      workEmailRequired: Flag('Kept and shown.'),
      viewRecording: Flag('Kept and shown.'),
      onDemandDuration: Type.Optional(Type.Enum([...ON_DEMAND_DURATIONS])),
      autoOpenPostWebinarRegistration: Flag('Kept and shown.'),
    }),
  ),
  questions: Type.Optional(Type.Array(Question, { maxItems: 20, description: 'The questions of the registration form (Parley extension); replaces the ones before.' })),
});

const Answer = Type.Union([
  Type.Object({ questionId: Type.String({ minLength: 1, maxLength: 64 }), answerIds: Type.Array(Type.String({ minLength: 1, maxLength: 64 }), { minItems: 1, maxItems: 50 }) }),
  Type.Object({ questionId: Type.String({ minLength: 1, maxLength: 64 }), answerText: Type.String({ maxLength: 4096 }) }),
]);

export const RegistrantRequest = Type.Object({
  firstName: Type.String({ minLength: 1, maxLength: 64 }),
  lastName: Type.String({ minLength: 1, maxLength: 64 }),
  email: Email,
  externalId: Text(256),
  source: Text(256),
  visitorId: Text(256),
  ipAddress: Type.Optional(Type.String({ format: 'ipv4', maxLength: 15 })),
  questionnaire: Type.Optional(Type.Array(Answer, { maxItems: 50 })),
  joinUri: Type.Optional(Type.String({ format: 'uri', minLength: 5, maxLength: 256, description: 'The host\'s own join link, shown instead of Parley\'s.' })),
  cancellationUri: Type.Optional(Type.String({ format: 'uri', minLength: 5, maxLength: 256, description: 'The host\'s own cancellation link, shown instead of Parley\'s.' })),
});

const RoleFilters = {
  role: ListParam('`Host`, `CoHost`, `Panelist`, `Attendee`: repeated or comma-separated.'),
  originalRole: ListParam('`Host`, `CoHost`, `Panelist`, `Attendee`: repeated or comma-separated.'),
};
export const ParticipantsQuery = Type.Object({ ...RoleFilters, ...Paging });
export const HistorySessionsQuery = Type.Object({
  nameFragment: Text(64, 'A piece of the session\'s title (its webinar\'s when it has none), in any case.'),
  status: ListParam('`Scheduled`, `Active`, `Finished`.'),
  endTimeFrom: DateTime('Sessions scheduled to end at or after this time.'),
  endTimeTo: DateTime('Sessions scheduled to end at or before this time.'),
  ...Paging,
});
export const HistoryCompanySessionsQuery = Type.Object({
  status: ListParam('`Scheduled`, `Active`, `Finished`.'),
  endTimeFrom: DateTime('Sessions scheduled to end at or after this time.'),
  endTimeTo: DateTime('Sessions scheduled to end at or before this time.'),
  hostUserId: ListParam('Up to 10 hosts; every host of the account when absent.'),
  ...Paging,
});
export const RecordingsQuery = Type.Object({
  creationTimeFrom: DateTime('Recordings made at or after this time.'),
  creationTimeTo: DateTime('Recordings made at or before this time.'),
  status: ListParam('`Processing`, `Available`, `Failed`, `Purged`.'),
  ...Paging,
});
export const CompanyRecordingsQuery = Type.Object({
  nameFragment: Text(64, 'A piece of the session\'s or webinar\'s title, in any case.'),
  creationTimeFrom: DateTime('Recordings made at or after this time.'),
  creationTimeTo: DateTime('Recordings made at or before this time.'),
  status: ListParam('`Processing`, `Available`, `Failed`, `Purged`.'),
  hostUserId: ListParam('Up to 10 hosts; every host of the account when absent.'),
  ...Paging,
});
export const RecordingParams = Type.Object({ recordingId: Type.String({ minLength: 1, maxLength: 64, description: 'The recording.' }) });
export const DownloadQuery = Type.Object({
  recordingMediaType: Type.Optional(Type.Enum(['Video', 'Audio'], { description: '`Video` (audio and video, mp4); Parley keeps no audio-only file.' })),
  access_token: Type.Optional(Type.String({ maxLength: 256 })),
});

const EventFilters = Type.Array(Type.String({ minLength: 1, maxLength: 512 }), {
  minItems: 1,
  maxItems: 30,
  description: 'RingCentral\'s webinar event filters, each optionally with `?webinarId=` or `?hostUserId=`.',
});
export const SubscriptionParams = Type.Object({ subscriptionId: Type.String({ minLength: 1, maxLength: 64, description: 'The subscription.' }) });
export const CreateSubscriptionRequest = Type.Object({
  eventFilters: EventFilters,
  deliveryMode: Type.Object({
    transportType: Type.Enum(['WebHook']),
    address: Type.String({ format: 'uri', minLength: 1, maxLength: 1024, description: 'Where events are POSTed; it must pass the Validation-Token handshake.' }),
    verificationToken: Type.Optional(Type.String({ minLength: 1, maxLength: 64, description: 'Sent back as `Verification-Token` with every event.' })),
  }),
  expiresIn: Type.Optional(Type.Integer({ minimum: 1, description: 'Seconds: 604800 (7 days) unless given, at most 315360000.' })),
});
export const UpdateSubscriptionRequest = Type.Object({
  eventFilters: Type.Optional(EventFilters),
  expiresIn: Type.Optional(Type.Integer({ minimum: 1 })),
});
