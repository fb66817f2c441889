import { route } from '../../ecomail/router';
import { conflict, notFound } from '../errors';
import { readFieldDefinition, readTagName } from '../validation';
import { fieldView, grDate, tagView } from '../views';
import { bodyObject, paged, queryText, type ApiHandler, type RouteContext } from './context';

/** `query[name]` matches part of the name, ignoring case. */
function nameFilter(ctx: RouteContext): (name: string) => boolean {
  const wanted = queryText(ctx, 'query[name]')?.toLowerCase();
  return (name) => wanted === undefined || name.toLowerCase().includes(wanted);
}

function createTag(ctx: RouteContext) {
  const name = readTagName(bodyObject(ctx).name);
  if (ctx.store.tagByName(name)) throw conflict('Tag with this name already exists');
  const tag = { tagId: ctx.store.nextId('T'), name, createdAt: grDate(ctx.now) };
  ctx.store.tags.set(tag.tagId, tag);
  return { status: 201, body: tagView(ctx.baseUrl, tag) };
}

function createField(ctx: RouteContext) {
  const definition = readFieldDefinition(bodyObject(ctx));
  if (ctx.store.fieldByName(definition.name)) throw conflict('Custom field with this name already exists');
  return { status: 201, body: fieldView(ctx.baseUrl, ctx.store.addField(definition)) };
}

export const catalogueRoutes = [
  route<ApiHandler>('GET', '/tags', (ctx) => {
    const matches = nameFilter(ctx);
    return paged(ctx, [...ctx.store.tags.values()].filter((tag) => matches(tag.name)).map((tag) => tagView(ctx.baseUrl, tag)));
  }),
  route<ApiHandler>('GET', '/tags/:id', (ctx) => {
    const tag = ctx.store.tags.get(ctx.params.id);
    if (!tag) throw notFound('Tag');
    return { body: tagView(ctx.baseUrl, tag) };
  }),
  route<ApiHandler>('POST', '/tags', createTag),
  route<ApiHandler>('GET', '/custom-fields', (ctx) => {
    const matches = nameFilter(ctx);
    return paged(ctx, [...ctx.store.fields.values()].filter((field) => matches(field.name)).map((field) => fieldView(ctx.baseUrl, field)));
  }),
  route<ApiHandler>('GET', '/custom-fields/:id', (ctx) => {
    const field = ctx.store.fields.get(ctx.params.id);
    if (!field) throw notFound('Custom field');
    return { body: fieldView(ctx.baseUrl, field) };
  }),
  route<ApiHandler>('POST', '/custom-fields', createField),
];
