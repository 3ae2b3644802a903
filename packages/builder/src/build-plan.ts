/** The decision detection makes: how a pushed tree becomes an image. */
export type BuildPlan =
  | { builder: "dockerfile" }
  | {
      builder: "node";
      /** `npm start` when package.json has a start script, else `node server.js`. */
      start: "npm-start" | "server-js";
      /** Only true when package.json lists dependencies: an empty install would only cost time. */
      installDependencies: boolean;
      /** Manifests copied before the source so the dependency layer is cached across pushes. */
      manifests: string[];
    }
  | { builder: "static" };

export interface DetectionFailure {
  builder: null;
  /** Shown to the pusher as is: says what was looked for and how to fix it. */
  message: string;
}

export type DetectionResult = BuildPlan | DetectionFailure;
