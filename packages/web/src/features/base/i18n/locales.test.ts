import assert from 'node:assert/strict';
import fs from 'node:fs';
import { describe, test } from 'node:test';
import { resolveLanguage } from './languages';

/**
 * The locale files against their source, en.json. i18next falls back to English for a missing key, so
 * a gap would not break the page: it would quietly show English in the middle of Hebrew. These checks
 * make every gap, leftover or broken placeholder a failing test instead.
 */

const LOCALES = new URL('../../../locales/', import.meta.url);

/** The languages a room can be given (`ui_settings.language`, spelled as the API returns them). */
const ROOM_LANGUAGES = ['en', 'he', 'es', 'pt-br', 'it', 'ca', 'fr', 'de', 'ar', 'zh-tw', 'zh-cn'];

const PLURAL_SUFFIX = /_(zero|one|two|few|many|other)$/;
const VARIABLE = /\{\{\s*([\w.]+)\s*(?:,[^}]*)?\}\}/g;

type Tree = { [key: string]: string | Tree };

function load(language: string): Tree {
  return JSON.parse(fs.readFileSync(new URL(`${language}.json`, LOCALES), 'utf8')) as Tree;
}

/** `{ a: { b: 'x' } }` → `{ 'a.b': 'x' }`; anything that is neither text nor an object is reported. */
function flatten(tree: Tree, prefix = ''): Map<string, string> {
  const flat = new Map<string, string>();
  for (const [key, value] of Object.entries(tree)) {
    const path = prefix + key;
    if (typeof value === 'string') flat.set(path, value);
    else if (value !== null && typeof value === 'object') for (const entry of flatten(value, `${path}.`)) flat.set(...entry);
    else assert.fail(`${path} is ${JSON.stringify(value)}, not text`);
  }
  return flat;
}

function variablesOf(text: string): string[] {
  return [...new Set([...text.matchAll(VARIABLE)].map((match) => match[1] ?? ''))].sort();
}

/** Splits keys into plain keys and plural families (`x_one`, `x_other` → `x` with its forms). */
function shape(flat: Map<string, string>): { plain: Set<string>; plurals: Map<string, Set<string>> } {
  const plain = new Set<string>();
  const plurals = new Map<string, Set<string>>();
  for (const key of flat.keys()) {
    const match = PLURAL_SUFFIX.exec(key);
    if (!match) {
      plain.add(key);
      continue;
    }
    const base = key.slice(0, match.index);
    plurals.set(base, (plurals.get(base) ?? new Set()).add(match[1] ?? ''));
  }
  return { plain, plurals };
}

const files = fs
  .readdirSync(LOCALES)
  .filter((name) => name.endsWith('.json'))
  .map((name) => name.slice(0, -'.json'.length));
const english = flatten(load('en'));
const englishShape = shape(english);

test('every room language has a locale file, found the way the page looks it up', () => {
  for (const language of ROOM_LANGUAGES) {
    const file = resolveLanguage([language], files, '');
    assert.ok(file, `no locale file for ${language}`);
    assert.equal(file.toLowerCase(), language, `${language} would be shown in ${file}`);
  }
  assert.deepEqual([...files].map((f) => f.toLowerCase()).sort(), [...ROOM_LANGUAGES].sort(), 'a locale file for no room language');
});

test('English has no empty text', () => {
  for (const [key, value] of english) assert.notEqual(value.trim(), '', `en: ${key} is empty`);
});

for (const language of files.filter((f) => f !== 'en')) {
  describe(language, () => {
    const flat = flatten(load(language));
    const { plain, plurals } = shape(flat);
    const categories = new Intl.PluralRules(language).resolvedOptions().pluralCategories;

    test('has exactly the keys of en.json', () => {
      const missing = [...englishShape.plain].filter((key) => !plain.has(key));
      const extra = [...plain].filter((key) => !englishShape.plain.has(key));
      assert.deepEqual(missing, [], `${language}: missing keys`);
      assert.deepEqual(extra, [], `${language}: keys English does not have`);
    });

    // English has two plural forms; other languages have the ones their own grammar needs (Arabic six,
    // Hebrew three, Chinese one), exactly those that i18next will ask for through Intl.PluralRules.
    test(`has the plural forms of ${language} (${categories.join(', ')}) for every plural key`, () => {
      assert.deepEqual([...plurals.keys()].sort(), [...englishShape.plurals.keys()].sort(), `${language}: plural keys`);
      for (const base of plurals.keys()) {
        assert.deepEqual([...(plurals.get(base) ?? [])].sort(), [...categories].sort(), `${language}: forms of ${base}`);
      }
    });

    test('uses the same {{variables}} as English', () => {
      for (const key of plain) {
        assert.deepEqual(variablesOf(flat.get(key) ?? ''), variablesOf(english.get(key) ?? ''), `${language}: ${key}`);
      }
      for (const [base, forms] of plurals) {
        const expected = variablesOf(english.get(`${base}_other`) ?? '');
        for (const form of forms) {
          // A language may say "one", "two" or "none" in words ("مشاركان"), so {{count}} may be left out
          // of any form but `other`; every other variable must be there, and none may be invented.
          const actual = variablesOf(flat.get(`${base}_${form}`) ?? '');
          const required = form === 'other' ? expected : expected.filter((v) => v !== 'count');
          assert.deepEqual(
            actual.filter((v) => form === 'other' || v !== 'count'),
            required,
            `${language}: ${base}_${form}`,
          );
          assert.ok(actual.every((v) => expected.includes(v)), `${language}: ${base}_${form} has a variable English lacks`);
        }
      }
    });

    test('has no empty text', () => {
      for (const [key, value] of flat) assert.notEqual(value.trim(), '', `${language}: ${key} is empty`);
    });

    // A guard against a copied en.json: some words are the same in two languages ("Participants" in
    // French), but a file that is mostly English is not a translation.
    test('is not English', () => {
      const same = [...plain].filter((key) => flat.get(key) === english.get(key) && /\p{L}{2}/u.test(english.get(key)!.replace(VARIABLE, '')));
      assert.ok(same.length <= 5, `${language}: ${same.length} texts are the English ones: ${same.join(', ')}`);
      assert.notEqual(flat.get('language.nativeName'), english.get('language.nativeName'), `${language}: names itself English`);
    });
  });
}
