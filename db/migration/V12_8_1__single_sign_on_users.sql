-- A user who signs in through the OpenID Connect provider is a local user record linked to the
-- provider's account by issuer and subject (never by name, so nobody at the provider can take over
-- a local account by choosing its name). Such a user has no usable password.
alter table app_user add column sso_issuer varchar(255);
alter table app_user add column sso_subject varchar(255);
alter table app_user add constraint app_user_sso_linked unique (sso_issuer, sso_subject);
alter table app_user add constraint app_user_sso_both check ((sso_issuer is null) = (sso_subject is null));
