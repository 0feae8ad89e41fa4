// The embedded hub runs on the machine's Node 20; the SDK's notice that future releases need
// Node 22 is about deployment (Lambdas run 22), not something an embedded user can act on.
process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED ??= 'true';
