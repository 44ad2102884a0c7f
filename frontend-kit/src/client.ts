// A frontend's call of the gateway with the generated types: the document's result and
// variables types follow from the TypedDocumentNode, so a query the schema no longer
// answers, or a variable of the wrong type, fails `npm run typecheck`.
import type { TypedDocumentNode } from '@graphql-typed-document-node/core';
import { print } from 'graphql';
import {
  TmallCompareDocument,
  PartnerBatchDocument,
  SearchPageDocument,
  type TmallCompareQuery,
  type PartnerBatchQuery,
  type SearchPageQuery,
} from './generated/graphql';

export interface GatewayError {
  message: string;
  extensions: { code: string; traceId?: string; upstream?: string };
}

export interface GatewayAnswer<TData> {
  data: TData | null;
  errors?: GatewayError[];
}

export interface Gateway {
  endpoint: string;
  /** a partner's X-Api-Key; first-party pages need none */
  apiKey?: string;
  /** e.g. the page's lang attribute; labels and amounts are written in it */
  language?: string;
}

export async function execute<TData, TVariables>(
  gateway: Gateway,
  document: TypedDocumentNode<TData, TVariables>,
  variables: TVariables,
): Promise<GatewayAnswer<TData>> {
  const headers: Record<string, string> = {
    'Content-Type': 'application/json',
    Accept: 'application/graphql-response+json',
  };
  if (gateway.apiKey !== undefined) {
    headers['X-Api-Key'] = gateway.apiKey;
  }
  if (gateway.language !== undefined) {
    headers['Accept-Language'] = gateway.language;
  }
  const response = await fetch(gateway.endpoint, {
    method: 'POST',
    headers,
    body: JSON.stringify({ query: print(document), variables }),
  });
  return (await response.json()) as GatewayAnswer<TData>;
}

type ComparedProduct = NonNullable<TmallCompareQuery['product']>;

/** The sentence under a comparison widget, e.g. "€6.90 more, 26 business days sooner". */
export function premiumSentence(product: ComparedProduct): string | null {
  const premium = product.comparison.localPremium;
  const days = product.comparison.daysSaved;
  if (premium === null || days === null) {
    return null;
  }
  return `${premium.amount.formatted} more, ${days} business days sooner`;
}

export async function compare(gateway: Gateway, gtin: string, shipTo: string): Promise<ComparedProduct | null> {
  const answer = await execute(gateway, TmallCompareDocument, { gtin, shipTo, currency: 'EUR' });
  return answer.data?.product ?? null;
}

export async function searchPage(gateway: Gateway, query: string, shipTo: string, after?: string) {
  const answer = await execute(gateway, SearchPageDocument, { query, shipTo, first: 20, after: after ?? null });
  const search: SearchPageQuery['search'] | undefined = answer.data?.search;
  return search?.edges.map((edge) => ({ cursor: edge.cursor, gtin: edge.node.gtin, title: edge.node.title })) ?? [];
}

/** A partner's batch: landed costs in cents of the requested currency, by GTIN. */
export async function landedCosts(gateway: Gateway, gtins: string[], shipTo: string): Promise<Map<string, number[]>> {
  const answer = await execute(gateway, PartnerBatchDocument, { gtins, shipTo, currency: 'PLN' });
  const products: PartnerBatchQuery['products'] = answer.data?.products ?? [];
  const costs = new Map<string, number[]>();
  for (const product of products) {
    if (product === null) {
      continue;
    }
    costs.set(
      product.gtin,
      product.offers.map((offer) => Math.round(Number(offer.landedCost.total.amount) * 100)),
    );
  }
  return costs;
}
