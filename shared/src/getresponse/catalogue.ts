import type { GetResponseClient } from './client';
import { GetResponseApiError } from './errors';
import type { GetResponseCustomField, GetResponseTag } from './types';

/** What a field we create looks like: free text, visible (docs/getresponse.md §5.2). */
const NEW_FIELD = { type: 'text', format: 'text', hidden: 'false' } as const;

interface NamedSource<T> {
  list(): Promise<T[]>;
  create(name: string): Promise<T>;
  /** Looked up again after a create answered 409. */
  find(name: string): Promise<T | undefined>;
  nameOf(item: T): string;
}

/**
 * Things GetResponse names uniquely (tags, custom fields), listed once; a missing name is created
 * once even when many rows ask for it at the same moment. A create answered 409 means another
 * writer created it meanwhile: it is looked up instead.
 */
class NamedSet<T> {
  private known?: Promise<Map<string, T>>;
  private readonly pending = new Map<string, Promise<T>>();

  constructor(private readonly source: NamedSource<T>) {}

  async resolve(names: Iterable<string>): Promise<Map<string, T>> {
    const known = await (this.known ??= this.load());
    const wanted = [...new Set(names)];
    const items = await Promise.all(wanted.map((name) => known.get(name) ?? this.create(known, name)));
    return new Map(wanted.map((name, i) => [name, items[i]]));
  }

  private async load(): Promise<Map<string, T>> {
    try {
      return new Map((await this.source.list()).map((item) => [this.source.nameOf(item), item]));
    } catch (error) {
      // A failed listing is not cached: the next batch lists again.
      this.known = undefined;
      throw error;
    }
  }

  private create(known: Map<string, T>, name: string): Promise<T> {
    let pending = this.pending.get(name);
    if (!pending) {
      pending = (async () => {
        try {
          const item = await this.createOrFind(name);
          known.set(name, item);
          return item;
        } finally {
          this.pending.delete(name);
        }
      })();
      this.pending.set(name, pending);
    }
    return pending;
  }

  private async createOrFind(name: string): Promise<T> {
    try {
      return await this.source.create(name);
    } catch (error) {
      if (!(error instanceof GetResponseApiError && error.isConflict)) throw error;
      const found = await this.source.find(name);
      if (!found) throw error;
      return found;
    }
  }
}

function byName<T>(items: readonly T[], name: string, nameOf: (item: T) => string): T | undefined {
  const folded = name.toLowerCase();
  return items.find((item) => nameOf(item) === name) ?? items.find((item) => nameOf(item).toLowerCase() === folded);
}

/** Tag and custom-field names → GetResponse's ids, creating what is missing (docs/getresponse.md §5). */
export class GetResponseCatalogue {
  private readonly tags: NamedSet<GetResponseTag>;
  private readonly fields: NamedSet<GetResponseCustomField>;

  constructor(client: GetResponseClient) {
    this.tags = new NamedSet<GetResponseTag>({
      list: () => client.listTags(),
      create: (name) => client.createTag(name),
      // Tag names may be unique regardless of case [U]: an exact match first, then one ignoring case.
      find: async (name) => byName(await client.listTags({ name }), name, (tag) => tag.name),
      nameOf: (tag) => tag.name,
    });
    this.fields = new NamedSet<GetResponseCustomField>({
      list: () => client.listCustomFields(),
      create: (name) => client.createCustomField({ name, ...NEW_FIELD, values: [] }),
      find: async (name) => byName(await client.listCustomFields(), name, (field) => field.name),
      nameOf: (field) => field.name,
    });
  }

  /** Tag name → tag id for every name. */
  async tagIds(names: Iterable<string>): Promise<Map<string, string>> {
    const tags = await this.tags.resolve(names);
    return new Map([...tags].map(([name, tag]) => [name, tag.tagId]));
  }

  /** Field name → field for every name. */
  customFields(names: Iterable<string>): Promise<Map<string, GetResponseCustomField>> {
    return this.fields.resolve(names);
  }
}
