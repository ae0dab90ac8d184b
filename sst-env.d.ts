/* Written by hand in the shape `sst deploy` generates (it overwrites this file); keep it in step with
   packages/aws/src/topology.ts and infra/. */

import "sst";
declare module "sst" {
  export interface Resource {
    Auth: {
      type: "sst.aws.Auth";
      url: string;
    };
    AuthApi: {
      name: string;
      type: "sst.aws.Function";
      url: string;
    };
    AuthTable: {
      name: string;
      type: "sst.aws.Dynamo";
    };
    DomainEvents: {
      arn: string;
      type: "sst.aws.SnsTopic";
    };
    FulfillmentDLQ: {
      type: "sst.aws.Queue";
      url: string;
    };
    FulfillmentQueue: {
      type: "sst.aws.Queue";
      url: string;
    };
    MediaBucket: {
      name: string;
      type: "sst.aws.Bucket";
    };
    OrdersInbox: {
      type: "sst.aws.Queue";
      url: string;
    };
    OrdersInboxDLQ: {
      type: "sst.aws.Queue";
      url: string;
    };
    OrdersTable: {
      name: string;
      type: "sst.aws.Dynamo";
    };
    RestaurantsInbox: {
      type: "sst.aws.Queue";
      url: string;
    };
    RestaurantsInboxDLQ: {
      type: "sst.aws.Queue";
      url: string;
    };
    RestaurantsTable: {
      name: string;
      type: "sst.aws.Dynamo";
    };
    Router: {
      type: "sst.aws.Router";
      url: string;
    };
    Web: {
      type: "sst.aws.Nextjs";
      url: string;
    };
  }
}

export {};
