export declare const revert: import("./kind.js").StepKind<import("./payload.js").PayloadAction<"revert">>;
