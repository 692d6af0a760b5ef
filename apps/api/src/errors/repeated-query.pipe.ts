import { ArgumentMetadata, PipeTransform, Type } from '@nestjs/common';
import { FieldError } from '@heardback/contracts';
import { getMetadataStorage } from 'class-validator';
import { fieldRefusal } from './validation-errors';

/** What a person reads at a query parameter sent more than once that takes one value. */
export const SEND_ONCE_REASON = 'Send this once: it takes one value.';

/** The fields of each query class that take a list (declared with `@IsArray`), read once per class. */
const listFieldsByClass = new WeakMap<Type<unknown>, ReadonlySet<string>>();

function listFieldsOf(metatype: Type<unknown>): ReadonlySet<string> {
  let fields = listFieldsByClass.get(metatype);
  if (!fields) {
    const rules = getMetadataStorage().getTargetValidationMetadatas(metatype, '', true, false);
    fields = new Set(rules.filter((rule) => rule.name === 'isArray').map((rule) => rule.propertyName));
    listFieldsByClass.set(metatype, fields);
  }
  return fields;
}

/**
 * `?limit=1&limit=2` arrives as a list, which every rule of a one-value field then refuses in its own words
 * ("Enter 100 or less. Enter 1 or more. Enter a whole number."), none of them the reason. A query field that
 * does not take a list and was sent more than once is refused as that, by name, before validation.
 */
export class RepeatedQueryPipe implements PipeTransform {
  transform(value: unknown, metadata: ArgumentMetadata): unknown {
    if (metadata.type !== 'query' || metadata.data || !metadata.metatype) return value;
    if (typeof value !== 'object' || value === null) return value;
    const lists = listFieldsOf(metadata.metatype as Type<unknown>);
    const details: FieldError[] = Object.entries(value)
      .filter(([field, sent]) => Array.isArray(sent) && !lists.has(field))
      .map(([field]) => ({ field, reasons: [SEND_ONCE_REASON] }));
    if (details.length === 0) return value;
    throw fieldRefusal(details);
  }
}
