import { perService } from "../packages/aws/src/topology";
import { defineService } from "./service";

/**
 * Every service in the registry (packages/aws/src/topology.ts), each as its API function, its queue
 * consumers and its schedules. A service that needs more than that gets its own infra file beside this one
 * (the auth service's issuer: infra/issuer.ts).
 */
export const services = perService(defineService);
