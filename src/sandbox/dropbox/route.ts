/** One emulated RPC route: its argument is null for Void routes (ref §0). */
export interface RouteDef {
  readonly voidArg?: boolean;
  handle(arg: unknown): unknown;
}

export type RouteTable = Readonly<Record<string, RouteDef>>;
