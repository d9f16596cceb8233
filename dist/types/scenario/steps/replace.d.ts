export declare const replace: import("./kind.js").StepKind<import("./payload.js").PayloadAction<"replace">>;
