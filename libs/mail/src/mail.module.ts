import { Module } from '@nestjs/common';
import { APP_CONFIG, type AppConfig } from '#libs/config';
import { DevMailController } from './dev-mail.controller.js';
import { MailRepository } from './mail.repository.js';
import { MailSender } from './mail-sender.service.js';
import { MailTransport, mailTransportFor } from './mail-transport.js';

@Module({
  controllers: [DevMailController],
  providers: [
    MailRepository,
    MailSender,
    { provide: MailTransport, inject: [APP_CONFIG], useFactory: (config: AppConfig) => mailTransportFor(config) },
  ],
  exports: [MailSender],
})
export class MailModule {}
