export declare const upload: import("./kind.js").StepKind<import("./payload.js").PayloadAction<"upload">>;
