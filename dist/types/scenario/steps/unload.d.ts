export declare const unload: import("./kind.js").StepKind<import("./payload.js").PayloadAction<"unload">>;
