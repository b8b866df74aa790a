export * from "./enums";
export * from "./limits";
export * from "./text";
export * from "./passwords";
export * from "./names";
